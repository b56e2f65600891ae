// Optional: a static site goes stale between daily builds. This hides upcoming events that have ended since the
// build, using the data-ends attribute of each card. The page is complete without it.
"use strict";
(function () {
  var now = Date.now();
  var lists = document.querySelectorAll("[data-upcoming]");
  for (var i = 0; i < lists.length; i++) {
    var cards = lists[i].querySelectorAll("[data-ends]");
    var shown = 0;
    for (var j = 0; j < cards.length; j++) {
      var ends = Date.parse(cards[j].getAttribute("data-ends"));
      if (!isNaN(ends) && ends < now) {
        cards[j].hidden = true;
      } else {
        shown++;
      }
    }
    if (shown === 0 && lists[i].previousElementSibling) {
      lists[i].hidden = true;
      lists[i].previousElementSibling.hidden = true;
    }
  }
})();
