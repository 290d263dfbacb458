// The article editor's comforts: a live preview as the editor types, tag suggestions, and inserting an
// image's Markdown at the cursor. The form works without any of this (the Preview button, typing tags,
// copying the snippet by hand).
(function () {
  'use strict';
  var form = document.getElementById('article-form');
  if (!form) return;
  var csrf = form.querySelector('input[name="csrf"]').value;
  var intro = document.getElementById('intro_markdown');
  var body = document.getElementById('body_markdown');
  var previewIntro = document.getElementById('preview-intro');
  var previewBody = document.getElementById('preview-body');

  // Rendered by the server with the renderer used on save, so the preview is what readers will get.
  var timer = null;
  var sent = 0;
  function refreshPreview() {
    var ticket = ++sent;
    var data = new URLSearchParams();
    data.set('intro_markdown', intro.value);
    data.set('body_markdown', body.value);
    fetch('/admin/articles/preview', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json',
                 'Content-Type': 'application/x-www-form-urlencoded' },
      body: data.toString()
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      // An older answer arriving late must not replace a newer one.
      if (!answer || ticket !== sent) return;
      previewIntro.innerHTML = answer.intro_html;
      previewBody.innerHTML = answer.body_html;
    }).catch(function () { /* the preview waits for the next keystroke */ });
  }
  function schedulePreview() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refreshPreview, 400);
  }
  if (intro && body && previewIntro && previewBody) {
    intro.addEventListener('input', schedulePreview);
    body.addEventListener('input', schedulePreview);
  }

  // Suggestions for the tag being typed (after the last comma), offered as whole field values.
  var tags = document.getElementById('tags');
  var suggestions = document.getElementById('tag-suggestions');
  var tagTimer = null;
  function suggestTags() {
    var value = tags.value;
    var cut = value.lastIndexOf(',');
    var before = cut < 0 ? '' : value.slice(0, cut + 1) + ' ';
    var prefix = value.slice(cut + 1).trim();
    if (prefix === '' || prefix.length > 100) return;
    fetch('/admin/api/tags?prefix=' + encodeURIComponent(prefix), {
      credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (!answer) return;
      while (suggestions.firstChild) suggestions.removeChild(suggestions.firstChild);
      answer.tags.forEach(function (name) {
        var option = document.createElement('option');
        option.value = before.replace(/^ /, '') + name;
        suggestions.appendChild(option);
      });
    }).catch(function () {});
  }
  if (tags && suggestions) {
    tags.addEventListener('input', function () {
      if (tagTimer) clearTimeout(tagTimer);
      tagTimer = setTimeout(suggestTags, 250);
    });
  }

  // Insert buttons are hidden until this script can make them work.
  Array.prototype.forEach.call(document.querySelectorAll('.insert-image'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var snippet = button.getAttribute('data-snippet');
      var start = body.selectionStart, end = body.selectionEnd;
      body.value = body.value.slice(0, start) + snippet + body.value.slice(end);
      body.selectionStart = body.selectionEnd = start + snippet.length;
      body.focus();
      schedulePreview();
    });
  });
})();
