"""The contact sheet's CSS, inlined in every sheet so that the HTML is one file to mail.

On screen: a grid of cards. In print: one card a row (captions and restrictions are text-heavy;
two columns of A4 left them a word or two a line), a card never split across pages
(``break-inside: avoid``), article headings kept with their first card, colours dropped to black
on white; status keeps its symbol and word, so it reads without colour.
"""

CSS = """
:root { color-scheme: light; --ok: #1b7f3b; --warning: #a05a00; --error: #b3261e; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  margin: 1.5rem; color: #111; background: #fff; }
header h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
header p { margin: 0 0 .25rem; color: #444; }
section { margin-top: 1.5rem; }
section > h2 { font-size: 1.1rem; margin: 0 0 .5rem; overflow-wrap: anywhere;
  break-after: avoid; page-break-after: avoid; }
.sheet { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
.entry { display: grid; grid-template-columns: 10rem 1fr; gap: .75rem; padding: .75rem;
  border: 1px solid #bbb; border-left-width: 6px; border-radius: 4px;
  break-inside: avoid; page-break-inside: avoid; }
.entry.ok { border-left-color: var(--ok); }
.entry.warning { border-left-color: var(--warning); }
.entry.error { border-left-color: var(--error); border-left-style: double; border-left-width: 8px; }
.thumb { margin: 0; }
.thumb img { display: block; max-width: 10rem; max-height: 10rem; width: auto; height: auto; }
.no-preview { display: flex; align-items: center; justify-content: center; min-height: 6rem;
  padding: .5rem; border: 1px dashed #888; color: #444; font-size: .85rem; text-align: center; }
.text p { margin: 0 0 .35rem; overflow-wrap: anywhere; }
.status { font-weight: 600; }
.status .symbol { display: inline-block; min-width: 1.1em; }
.ok .status { color: var(--ok); }
.warning .status { color: var(--warning); }
.error .status { color: var(--error); }
.codes { font-weight: 400; color: #444; }
.credit { font-weight: 600; }
.credit .missing { font-weight: 400; font-style: italic; color: #444; }
.file, .key { font-size: .8rem; color: #555; }
.restrictions { margin: .35rem 0 0; padding-left: 1.1rem; font-size: .85rem; }
.restrictions li { margin-bottom: .2rem; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { margin: 0; font-size: 10pt; color: #000; }
  header p, .codes, .file, .key, .no-preview, .credit .missing { color: #000; }
  .sheet { display: block; }
  .entry { grid-template-columns: 45mm 1fr; margin: 0 0 3mm; border-color: #000;
    break-inside: avoid; page-break-inside: avoid; }
  .thumb img { max-width: 45mm; max-height: 45mm; }
  .entry.ok, .entry.warning, .entry.error { border-left-color: #000; }
  .ok .status, .warning .status, .error .status { color: #000; }
}
"""
