"""Charts for the reports, drawn as ReportLab vector graphics in the document's font."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from ..domain.numbers import fmt_int
from . import blocks as B
from .fonts import font_name, register

# Grey-distinguishable colours: the report is often printed on a black-and-white laser printer.
PALETTE = [colors.Color(0.15, 0.15, 0.15), colors.Color(0.62, 0.62, 0.62), colors.white]


def drawing(chart: B.Chart, width: float) -> Drawing:
    register()
    reg, bold = font_name("Regular"), font_name("Bold")
    # The renderer starts every drawing in this font even when no label uses it: without
    # this, an unembedded base-14 Times-Roman lands in the PDF.
    STATE_DEFAULTS["fontName"] = reg
    n = len(chart.categories)
    long_names = max(len(c) for c in chart.categories) > 30 if chart.categories else False
    label_x = width * (0.42 if long_names else 0.36)
    label_size = 9 if long_names else 10
    # Long names wrap onto lines within their room instead of being cut or running off.
    names = ["\n".join(simpleSplit(c, reg, label_size, label_x - 10)) for c in chart.categories]
    lines = max([name.count("\n") + 1 for name in names] + [1])
    bar_h = 7 if len(chart.series) > 1 else 9
    group_h = max(bar_h * len(chart.series) + 8, lines * (label_size + 1) + 4)
    plot_h = max(60, n * group_h)
    height = plot_h + 60
    d = Drawing(width, height)
    d.add(String(width / 2, height - 14, chart.title, fontName=bold, fontSize=12, textAnchor="middle"))
    bc = HorizontalBarChart()
    bc.x = label_x
    bc.y = 30
    bc.width = width * 0.94 - label_x
    bc.height = plot_h
    bc.data = [list(reversed(s[1])) for s in chart.series]
    bc.categoryAxis.categoryNames = list(reversed(names))
    bc.categoryAxis.labels.fontName = reg
    bc.categoryAxis.labels.leading = label_size + 1
    bc.categoryAxis.labels.textAnchor = "end"  # wrapped lines flush against the axis
    bc.categoryAxis.labels.fontSize = label_size
    bc.categoryAxis.labels.boxAnchor = "e"
    bc.categoryAxis.labels.dx = -4
    bc.valueAxis.labels.fontName = reg
    bc.valueAxis.labels.fontSize = 9
    bc.valueAxis.valueMin = 0
    bc.valueAxis.labelTextFormat = lambda v: fmt_int(v)
    if chart.kind == "targets_by_objective":  # stacked: the bar is the sum of the series
        top = max([sum(vals) for vals in zip(*(s[1] for s in chart.series))] + [1])
    else:
        top = max([max(s[1]) if s[1] else 0 for s in chart.series] + [1])
    bc.valueAxis.valueMax = top * 1.15
    if top <= 10:
        bc.valueAxis.valueStep = 1
    bc.barLabelFormat = lambda v: fmt_int(v) if v else ""
    bc.barLabels.fontName = reg
    bc.barLabels.fontSize = 8
    bc.barLabels.boxAnchor = "w"
    bc.barLabels.dx = 3
    bc.barWidth = bar_h
    bc.groupSpacing = 8
    bc.barSpacing = 0
    if chart.kind == "targets_by_objective":
        bc.categoryAxis.style = "stacked"
        bc.barLabelFormat = lambda v: fmt_int(v) if v else ""
        # each figure in the middle of its own segment, light on the dark one
        bc.barLabels.boxAnchor = "c"
        bc.barLabels.boxTarget = "mid"
        bc.barLabels.dx = 0
        bc.barLabels.fontSize = 9
        for i in range(len(chart.series)):
            bc.barLabels[i].fillColor = colors.white if i == 0 else colors.black
    for i in range(len(chart.series)):
        bc.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        bc.bars[i].strokeColor = colors.black
        bc.bars[i].strokeWidth = 0.4
    d.add(bc)
    lg = Legend()
    lg.fontName = reg
    lg.fontSize = 10
    lg.x = width * 0.08
    lg.y = 12
    lg.dx = 8
    lg.dy = 8
    lg.columnMaximum = 1
    lg.alignment = "right"
    lg.deltax = width * 0.3
    lg.strokeColor = colors.black
    lg.strokeWidth = 0.4
    lg.colorNamePairs = [(PALETTE[i % len(PALETTE)], s[0]) for i, s in enumerate(chart.series)]
    d.add(lg)
    return d


def png(chart: B.Chart, width: float, dpi: int = 220) -> bytes:
    """The same chart as a picture, for the Word copy (python-docx holds no vector drawings): drawn
    into a one-page PDF and rasterised by PDFium, so the two documents show the same chart."""
    import io

    import pypdfium2
    from reportlab.graphics import renderPDF

    pdf = pypdfium2.PdfDocument(renderPDF.drawToString(drawing(chart, width)))
    try:
        image = pdf[0].render(scale=dpi / 72).to_pil().convert("L")  # printed in black and white
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
