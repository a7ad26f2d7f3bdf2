# The site writes dates as its pages do ("30 November 2026", "9 March 2027, 08:00"), not as
# Django's English default ("Nov. 30, 2026", "March 9, 2027, 8 a.m."). Formats not set here are
# Django's own.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
