// On a Source page, a link ending in #c<N> highlights the whole cited passage N.
(function () {
  function highlight() {
    document.querySelectorAll("mark.is-target").forEach(function (m) {
      m.classList.remove("is-target");
    });
    var match = /^#c(\d+)$/.exec(window.location.hash);
    if (!match) return;
    var marks = document.querySelectorAll('mark.cited[data-cites~="' + match[1] + '"]');
    marks.forEach(function (m) { m.classList.add("is-target"); });
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", highlight);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }
})();
