/* Suggestions as you type in the site search (the page works without this script).
   Reads JSON from the input's data-suggest-url: {"suggestions": [{label, url, group}]}. */
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) return;
  var list = document.createElement("ul");
  list.id = input.id + "-suggestions";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  var timer = null, active = -1, asked = "";

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(item) {
    if (item.url) { window.location.href = item.url; return; }
    input.value = item.label;
    close();
    input.form.submit();
  }

  function show(items) {
    list.textContent = "";
    active = -1;
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = list.id + "-" + index;
      option.setAttribute("role", "option");
      option.textContent = item.label;
      var group = document.createElement("span");
      group.className = "search-suggestions__group";
      group.textContent = item.group;
      option.appendChild(group);
      option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(item); });
      option.item = item;
      list.appendChild(option);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  }

  function move(step) {
    var options = list.children;
    if (!options.length) return;
    if (active >= 0) options[active].removeAttribute("aria-selected");
    active = (active + step + options.length) % options.length;
    options[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var words = input.value.trim();
    if (words.length < 2) { close(); return; }
    timer = setTimeout(function () {
      asked = words;
      var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(words);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (asked === input.value.trim()) show(data.suggestions || []); })
        .catch(close);
    }, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(list.children[active].item);
    }
  });
  input.addEventListener("blur", close);
})();
