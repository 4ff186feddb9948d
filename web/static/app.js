// Sortable tables: click a header to sort by that column (numbers numerically).
(function () {
  function cellValue(row, index) {
    const cell = row.children[index];
    return cell ? cell.textContent.trim() : "";
  }
  function sortTable(table, index, header) {
    const body = table.tBodies[0];
    if (!body) return;
    const ascending = !header.classList.contains("sorted-asc");
    const rows = Array.from(body.rows);
    const numeric = rows.every((r) => cellValue(r, index) === "" || !isNaN(Number(cellValue(r, index))));
    rows.sort((a, b) => {
      const x = cellValue(a, index), y = cellValue(b, index);
      const order = numeric ? (Number(x) || 0) - (Number(y) || 0) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach((r) => body.appendChild(r));
    table.querySelectorAll("th").forEach((th) => th.classList.remove("sorted-asc", "sorted-desc"));
    header.classList.add(ascending ? "sorted-asc" : "sorted-desc");
  }
  document.querySelectorAll("table.sortable").forEach((table) => {
    table.querySelectorAll("thead th").forEach((th, index) => {
      th.addEventListener("click", () => sortTable(table, index, th));
    });
  });
})();
