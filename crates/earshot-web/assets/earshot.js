// earshot dashboard: keyboard navigation in lists (j / k move, Enter opens), clickable rows,
// and the workspace switcher that submits on change. Everything works without it.
(function () {
  "use strict";
  function ready() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-href]"));
    var current = -1;
    function select(n) {
      if (!rows.length) return;
      if (current >= 0) rows[current].classList.remove("sel");
      current = Math.max(0, Math.min(rows.length - 1, n));
      rows[current].classList.add("sel");
      rows[current].scrollIntoView({ block: "nearest" });
    }
    if (rows.length) select(0);
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target.closest && e.target.closest("input, select, textarea, button, a")) return;
      if (e.key === "j") { select(current + 1); e.preventDefault(); }
      else if (e.key === "k") { select(current - 1); e.preventDefault(); }
      else if (e.key === "Enter" && current >= 0) { window.location.href = rows[current].getAttribute("data-href"); }
    });
    rows.forEach(function (row, n) {
      row.addEventListener("click", function (e) {
        if (e.target.closest("a, button, input, select")) return;
        select(n);
        window.location.href = row.getAttribute("data-href");
      });
    });
    var ws = document.querySelector("select[data-autosubmit]");
    if (ws) ws.addEventListener("change", function () { ws.form.submit(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
