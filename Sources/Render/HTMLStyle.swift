/// The report's style sheet: light and dark schemes from the viewer's setting, and a print layout.
enum HTMLStyle {
  static let css = """
    :root {
      --bg: #ffffff; --fg: #1d2330; --muted: #5b6475; --line: #d9dee7; --card: #f5f7fa; --accent: #2457c5;
      --grid: #e7eaf0; --prefill: #d9822b; --decode: #2b6fd9; --mixed: #9b45c9; --idle: #8a8f99;
      --s1: #2b6fd9; --s2: #16a085; --s3: #d9822b; --s4: #c0392b; --s5: #8e44ad; --s6: #2c8c4a; --s7: #b7950b;
      --crit: #b3261e; --warn: #a15c00; --info: #1d6fa3; --good: #1e7d3a; --bad: #b3261e;
      color-scheme: light dark;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #14171d; --fg: #e3e7ee; --muted: #9aa3b2; --line: #323844; --card: #1c2028; --accent: #7fa8ff;
        --grid: #262b35; --prefill: #f0a050; --decode: #5c9bff; --mixed: #c47ef0; --idle: #8a8f99;
        --s1: #5c9bff; --s2: #3fd0b0; --s3: #f0a050; --s4: #ff6b5e; --s5: #c47ef0; --s6: #5fd17f; --s7: #e8c547;
        --crit: #ff6b5e; --warn: #f0b050; --info: #6cb8f0; --good: #5fd17f; --bad: #ff6b5e;
      }
    }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--fg);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    header, main, footer, nav { max-width: 1000px; margin: 0 auto; padding: 0 20px; }
    header { padding-top: 24px; }
    h1 { font-size: 1.6em; margin: 0 0 4px; }
    h2 { font-size: 1.3em; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
    h3 { font-size: 1.05em; margin: 0 0 6px; }
    a { color: var(--accent); }
    code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
    .muted, .note { color: var(--muted); }
    .note { font-size: 0.88em; margin: 4px 0 0; }
    nav { margin-top: 12px; }
    nav ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 14px; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
    th, td { text-align: right; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th:first-child, td:first-child { text-align: left; }
    th { font-weight: 600; color: var(--muted); }
    table.facts td:last-child { text-align: left; }
    table.figures td { white-space: nowrap; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px;
      margin: 8px 0 16px; }
    .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
    .card b { display: block; font-size: 1.25em; }
    .card span { color: var(--muted); font-size: 0.85em; }
    .finding { border: 1px solid var(--line); border-left: 5px solid var(--info); border-radius: 8px;
      padding: 10px 14px; margin: 10px 0; background: var(--card); break-inside: avoid; }
    .finding.critical { border-left-color: var(--crit); }
    .finding.warning { border-left-color: var(--warn); }
    .finding ul { margin: 4px 0; padding-left: 20px; }
    .finding .rec { margin: 6px 0 2px; }
    .badge { display: inline-block; font-size: 0.75em; font-weight: 700; letter-spacing: 0.04em; padding: 1px 7px;
      border-radius: 10px; color: var(--bg); background: var(--info); vertical-align: 2px; margin-right: 6px; }
    .badge.critical { background: var(--crit); } .badge.warning { background: var(--warn); }
    .st-agree { color: var(--good); font-weight: 600; } .st-disagree { color: var(--bad); font-weight: 600; }
    .st-unchecked { color: var(--muted); } table.checks { table-layout: fixed; }
    table.checks td, table.checks th { text-align: left; font-size: 0.92em; overflow-wrap: anywhere; }
    table.checks th:first-child { width: 34%; } table.checks th:nth-child(2) { width: 9%; }
    .verdict-better { color: var(--good); font-weight: 600; } .verdict-worse { color: var(--bad); font-weight: 600; }
    ul.lines { list-style: none; padding-left: 0; margin: 6px 0 14px; font-size: 0.92em; }
    ul.lines li { padding: 2px 0; overflow-wrap: anywhere; }
    tr.sub td:first-child { padding-left: 22px; }
    figure.chart { margin: 14px 0 22px; break-inside: avoid; }
    figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
    svg.chart-svg { width: 100%; height: auto; display: block; background: var(--bg); }
    svg .grid { stroke: var(--grid); stroke-width: 1; }
    svg .axis { stroke: var(--muted); stroke-width: 1; }
    svg text { fill: var(--muted); font-size: 11px; font-family: inherit; }
    svg .axis-label { fill: var(--fg); font-size: 12px; }
    svg .ref { stroke: var(--muted); stroke-dasharray: 5 4; stroke-width: 1.2; }
    svg .ref-label { fill: var(--fg); font-size: 11px; }
    svg .line { fill: none; stroke-width: 1.8; }
    svg .hover { fill: transparent; stroke: none; }
    svg .hover:hover { fill: currentColor; }
    svg .dots { fill: none; stroke-width: 3.2; stroke-linecap: round; }
    svg .e1 { stroke-dasharray: 6 3; } svg .e2 { stroke-dasharray: 2 2; } svg .e3 { stroke-dasharray: 8 2 2 2; }
    .k-prefill { --c: var(--prefill); } .k-decode { --c: var(--decode); } .k-mixed { --c: var(--mixed); }
    .k-idle { --c: var(--idle); } .k-recompute { --c: var(--s4); }
    .s1 { --c: var(--s1); } .s2 { --c: var(--s2); } .s3 { --c: var(--s3); } .s4 { --c: var(--s4); }
    .s5 { --c: var(--s5); } .s6 { --c: var(--s6); } .s7 { --c: var(--s7); }
    svg .line, svg .dots { stroke: var(--c); } svg .dot, svg .bar { fill: var(--c); } svg .hover { color: var(--c); }
    svg .ci { stroke: var(--c); stroke-width: 3; } svg .zero { stroke: var(--fg); stroke-width: 1; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.88em; margin-top: 4px; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px;
      vertical-align: -1px; background: var(--c); }
    footer { margin: 40px auto 30px; color: var(--muted); font-size: 0.85em; }
    @media print {
      :root { --bg: #fff; --fg: #000; --muted: #444; --line: #bbb; --card: #fff; --grid: #ddd; }
      body { font-size: 11pt; }
      nav { display: none; }
      header, main, footer { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      a { color: inherit; text-decoration: none; }
      .finding, figure.chart, table { break-inside: avoid; }
    }
    """
}
