"""The HTML edition's style sheet, from the layout: its colours, and large print as a larger base size.

Sizes are in rem, so a reader's own text size (or 200 % zoom) scales everything; the page is
one column that fits a 320 px phone; a print style sheet keeps exercises and steps whole.
"""

from __future__ import annotations

from ...model.layout import Layout
from ...text.colors import PANEL_BACKGROUND, TONE_BACKGROUND, tint

CSS = """\
:root{--text:%(text)s;--heading:%(heading)s;--muted:%(muted)s;--rule:%(rule)s;--summary:%(summary)s;\
--info:%(info)s;--tip:%(tip)s;--warning:%(warning)s;--panel:%(panel)s}
*,*::before,*::after{box-sizing:border-box}
img{max-width:100%%;height:auto}
html{font-size:%(base)s%%;-webkit-text-size-adjust:100%%;text-size-adjust:100%%}
body{margin:0;background:#fff;color:var(--text);font-family:"Noto Sans","Segoe UI",Roboto,Helvetica,Arial,sans-serif;\
line-height:1.5;overflow-wrap:break-word}
.page{max-width:46rem;margin:0 auto;padding:1rem}
.masthead{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;border-bottom:1px solid var(--rule);\
padding-bottom:.5rem;margin-bottom:1rem}
.masthead img{max-height:3rem;width:auto}
.masthead p{margin:0}
.brand-name{font-weight:700;color:var(--heading)}
.contact{color:var(--muted)}
h1,h2,h3,h4,h5{color:var(--heading);line-height:1.25}
h1{font-size:clamp(1.35rem,.9rem + 4vw,2rem);margin:.25rem 0 .5rem;hyphens:auto}
h2{font-size:clamp(1.2rem,.9rem + 2.5vw,1.45rem);margin:1.75rem 0 .5rem;hyphens:auto}
h3{font-size:1.2rem;margin:1.25rem 0 .35rem}
h4,h5{font-size:1.05rem;margin:1rem 0 .25rem}
p,ul,ol,dl{margin:0 0 .75rem}
a{color:var(--heading);text-decoration:underline}
.subtitle{font-size:1.15rem;color:var(--muted)}
.box{background:var(--summary);border-left:.3rem solid var(--heading);padding:.75rem 1rem;margin:1rem 0}
.box h2,.box h3{margin-top:0;font-size:1.2rem}
.box.warning{border-color:var(--warning);background:%(warning_bg)s}
.box.warning h3{color:var(--warning)}
ol.steps>li,ol.numbered>li{margin-bottom:.4rem}
ol>li::marker,ul>li::marker{color:var(--heading);font-weight:700}
aside.callout{border-left:.3rem solid;padding:.6rem 1rem;margin:1rem 0}
aside.callout .callout-title{font-weight:700;margin-bottom:.25rem}
aside.info{border-color:var(--info);background:%(info_bg)s}
aside.info .callout-title{color:var(--info)}
aside.tip{border-color:var(--tip);background:%(tip_bg)s}
aside.tip .callout-title{color:var(--tip)}
aside.warning{border-color:var(--warning);background:%(warning_bg)s}
aside.warning .callout-title{color:var(--warning)}
figure{margin:1rem 0;text-align:center}
figure img{display:block;margin:0 auto}
figcaption{color:var(--muted);font-size:.95rem}
.table{overflow-x:auto;margin:0 0 1rem}
table{border-collapse:collapse;width:100%%}
caption{text-align:left;font-weight:700;color:var(--heading);padding-bottom:.25rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--rule)}
thead th{background:var(--heading);color:#fff}
.qr{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
.qr img{width:7rem;height:auto}
.exercise{background:var(--panel);border-left:.25rem solid var(--heading);padding:.6rem 1rem;margin:1rem 0}
.exercise h3,.exercise h4,.exercise h5{margin-top:.25rem}
.pictures{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:center}
.pictures figure{margin:0;flex:1 1 7rem;max-width:16rem;min-width:0}
.dose{font-weight:700;color:var(--heading)}
.caution{color:var(--warning)}
.note{color:var(--tip)}
dl.details{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.25rem 1rem}
dl.details dt{font-weight:700}
dl.details dd{margin:0}
.log td{text-align:center}
.log th,.log td{padding:.3rem .25rem}
.log input{width:1.2rem;height:1.2rem;margin:0}
.log input[type=number]{width:2.2rem;height:1.4rem;font:inherit;text-align:center}
.checklist{list-style:none;padding-left:0}
.checklist li{display:flex;gap:.6rem;align-items:flex-start;margin:.35rem 0}
.checklist input{width:1.2rem;height:1.2rem;margin:.2rem 0 0;flex:none}
@media (max-width:30rem){dl.details{display:block}dl.details dd{margin-bottom:.4rem}
.log{font-size:.85rem}.log th,.log td{padding:.25rem .1rem}.log th[scope=row]{max-width:6.5rem}
.log input{width:1.05rem;height:1.05rem}}
.kind{color:var(--muted);margin-top:-.5rem}
.card{border:1px solid var(--rule);border-radius:.4rem;padding:.25rem 1rem 1rem;margin:1.25rem 0}
.card-back{border-top:1px dashed var(--rule);margin-top:1rem}
.disclaimer{color:var(--muted);font-size:.95rem}
.page-foot{border-top:1px solid var(--rule);margin-top:2rem;padding-top:.5rem;color:var(--muted)}
@media print{
html{font-size:%(print_base)s%%}
.page{max-width:none;padding:0}
a{color:inherit}
.exercise,figure,table,aside,.card,li,dl{break-inside:avoid}
h1,h2,h3,h4{break-after:avoid}
.log input,.checklist input{appearance:none;border:1px solid #000}
}
"""


def stylesheet(layout: Layout) -> str:
    colors = layout.colors
    values = {name: getattr(colors, name) for name in ("text", "heading", "muted", "rule", "summary")}
    values |= {tone: getattr(colors, tone) for tone in ("info", "tip", "warning")}
    values |= {f"{tone}_bg": tint(getattr(colors, tone), TONE_BACKGROUND) for tone in ("info", "tip", "warning")}
    values["panel"] = tint(colors.heading, PANEL_BACKGROUND)
    values["base"] = f"{100 * layout.text.size / 12:g}"  # 12 pt body is the browser's 100 %
    values["print_base"] = values["base"]  # 1rem prints at the layout's body size (16 px is 12 pt)
    return CSS % values
