// The cached page's own script: fill in what the JS helper decided (text only, never HTML),
// and show the consent banner when the consent cookie is absent (the HTML is the same for everyone).
(function () {
  'use strict';
  if (!/(?:^|;\s*)example_consent=/.test(document.cookie)) {
    var banner = document.getElementById('consent-banner');
    if (banner) { banner.hidden = false; }
  }
  if (!window.lytics) { return; }
  window.lytics.ready(function (l) {
    var name = l.fields && typeof l.fields.first_name === 'string' ? l.fields.first_name : '';
    if (name) { document.getElementById('js-first-name').textContent = name; }
    document.getElementById('js-status-value').textContent = l.status;
  });
})();
