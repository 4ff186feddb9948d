"""A report whose finding, person and role carry script payloads as text (for the escaping tests).

It is an HTML document with the payloads entity-escaped, so after reading they are literal
text in the report, as they would be in a PDF or DOCX.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src=x onerror="window.__pwned = 2">'


def _e(text: str) -> str:
    return escape(text, quote=False)


REPORT = f"""<!doctype html><html><head><title>payload</title></head><body>
<table>
<tr><td>To:</td><td>Eve {_e(SCRIPT)} Mallory, Chair of Payload Youth Offending Service Management Board</td></tr>
<tr><td>From:</td><td>Morag Finlay, Assistant Chief Inspector (Youth Justice)</td></tr>
<tr><td>Publication date:</td><td>1 April 2019</td></tr>
</table>
<h2>Report of Short Quality Screening (SQS) of youth offending work in Payload</h2>
<p>The inspection was conducted from 4-6 March 2019. FICTIONAL TEST REPORT for the escaping tests.</p>
<h3>Summary</h3>
<p>Payload Youth Offending Service was examined.</p>
<h2>Commentary on the inspection in Payload:</h2>
<h3>3. Protecting the child or young person</h3>
<ul><li>3.1. Communication with children's social care was poor {_e(SCRIPT)} and records showed {_e(IMG)} gaps.</li></ul>
<h2>Key strengths</h2>
<ul><li>Staff were committed.</li></ul>
<h2>Areas requiring improvement</h2>
<ul><li>Communication with children's social care needs to improve.</li></ul>
<p>Copy to:</p>
<table><tr><td>YOS Manager {_e(IMG)}</td><td>Bob {_e(SCRIPT)} Tables</td></tr></table>
</body></html>
"""


def write(folder: Path) -> Path:
    path = folder / "payload-sqs-2019.html"
    path.write_text(REPORT)
    return path
