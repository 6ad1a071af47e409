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

// Opened from a folder (file://), a link to a page's folder would show the folder's listing:
// each such link, and each one added later (search results), is pointed at its index.html.
(function () {
  if (window.location.protocol !== "file:") return;
  function toIndex(link) {
    var href = link.getAttribute("href");
    if (href === null) return;
    var url = new URL(href, document.baseURI);
    if (url.protocol === "file:" && url.pathname.endsWith("/")) {
      url.pathname += "index.html";
      link.setAttribute("href", url.href);
    }
  }
  function fixAll() {  // with the previous and next pages, which Material's keys "p" and "n" open
    document.querySelectorAll("a[href], link[rel=prev], link[rel=next]").forEach(toIndex);
  }
  // Before the browser follows it: covers links made after the page loaded.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (link) toIndex(link);
  }, true);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fixAll);
  } else {
    fixAll();
  }
})();
