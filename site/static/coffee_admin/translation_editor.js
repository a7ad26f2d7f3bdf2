// wagtail-localize's translation editor (React) writes a few strings without gettext and
// formats dates with Python's English month names. This puts them in the editor's language,
// including in what the editor renders later (saved segments).
(function () {
  const config = JSON.parse(document.getElementById('coffee-translation-editor-i18n').textContent);
  const englishMonths = [
    'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December',
  ];
  const englishDate = new RegExp(`\\b(\\d{1,2}) (${englishMonths.join('|')}) (\\d{4})\\b`, 'g');
  const dateFormat = new Intl.DateTimeFormat(config.language, {
    day: 'numeric', month: 'long', year: 'numeric',
  });

  function localize(text) {
    let result = text.replace(englishDate, (match, day, month, year) =>
      dateFormat.format(new Date(Number(year), englishMonths.indexOf(month), Number(day))));
    const trimmed = result.trim();
    if (Object.prototype.hasOwnProperty.call(config.strings, trimmed)) {
      result = result.replace(trimmed, config.strings[trimmed]);
    }
    return result;
  }

  function walk(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const localized = localize(node.nodeValue);
      if (localized !== node.nodeValue) node.nodeValue = localized;
    }
  }

  function start() {
    const editor = document.querySelector('.js-translation-editor');
    if (!editor) return;
    walk(editor);
    new MutationObserver(() => walk(editor)).observe(editor, {
      childList: true, subtree: true, characterData: true,
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
