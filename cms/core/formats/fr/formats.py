# As the pages write them: "9 mars 2027, 08:00". Formats not set here are Django's own.
DATETIME_FORMAT = "j F Y, H:i"
