// The SPARQL editor: CodeMirror's SPARQL mode, and completion of the project's prefixes and terms.
(function () {
  const textarea = document.getElementById("query");
  if (!textarea || typeof CodeMirror === "undefined") return;
  const vocab = JSON.parse(document.getElementById("sparql-terms").textContent);
  const prefixes = Object.keys(vocab.prefixes).map((p) => p + ":");

  function hint(cm) {
    const cursor = cm.getCursor();
    const line = cm.getLine(cursor.line);
    let start = cursor.ch;
    while (start > 0 && /[\w:-]/.test(line.charAt(start - 1))) start--;
    const word = line.slice(start, cursor.ch);
    const pool = word.includes(":") ? vocab.terms : prefixes.concat(vocab.terms);
    const list = pool.filter((t) => t.startsWith(word) && t !== word);
    return { list: list, from: CodeMirror.Pos(cursor.line, start), to: CodeMirror.Pos(cursor.line, cursor.ch) };
  }

  const editor = CodeMirror.fromTextArea(textarea, {
    mode: "application/sparql-query",
    lineNumbers: true,
    matchBrackets: true,
    extraKeys: {
      "Ctrl-Space": (cm) => cm.showHint({ hint: hint, completeSingle: false }),
      "Ctrl-Enter": () => document.getElementById("query-form").requestSubmit(),
    },
  });
  editor.on("inputRead", (cm, change) => {
    if (change.text.length === 1 && /^[:\w]$/.test(change.text[0])) {
      const cursor = cm.getCursor();
      const before = cm.getLine(cursor.line).slice(0, cursor.ch);
      if (/\b[a-z]+:[\w-]*$/.test(before)) cm.showHint({ hint: hint, completeSingle: false });
    }
  });
  window.yjkgEditor = editor;
})();
