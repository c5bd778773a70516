// Hands the visitor's choice from the consent banner (cookie example_consent, which the server-side
// plugin reads through lytics.consent.mode=cookie) to the JS helper: after "Decline" the helper drops
// queued and later browser events instead of holding them until consent.
(function () {
  'use strict';
  var choice = /(?:^|;\s*)example_consent=([^;]*)/.exec(document.cookie);
  if (choice && window.lytics && typeof window.lytics.consent === 'function') {
    window.lytics.consent(choice[1] === 'yes');
  }
})();
