/// The report's stylesheet, inline in every file: screen and A4 print.
enum HTMLStyle {
    static let css = """
    :root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; --accent: #0072B2; --band: #f3f6f9; }
    * { box-sizing: border-box; }
    body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; font-size: 15px; }
    main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
    header.cover { border-bottom: 4px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
    header.cover h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
    header.cover p { margin: .1rem 0; color: var(--muted); }
    .indicative-banner { background: #fff4e0; border-left: 5px solid #B85000; padding: .6rem .9rem; margin: 1rem 0; }
    nav.toc ol { columns: 2; padding-left: 1.2rem; }
    h2 { font-size: 1.45rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; margin-top: 2.5rem; }
    h3 { font-size: 1.1rem; margin: 1.8rem 0 .5rem; color: var(--accent); }
    h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
    figure { margin: 1rem 0 1.6rem; }
    figure svg { width: 100%; height: auto; display: block; }
    figure.spread svg { max-width: 34rem; }
    figcaption { font-size: .85rem; color: var(--muted); margin: .3rem 0 .5rem; }
    svg .label, svg .legend { font-size: 11px; fill: var(--ink); }
    svg .tick { font-size: 10px; fill: var(--muted); }
    svg .value { font-size: 10px; fill: var(--ink); }
    svg .inside { font-size: 10px; fill: #ffffff; }
    svg .inside.dark { fill: var(--ink); }
    svg .grid { stroke: #e6e6e6; stroke-width: 1; }
    svg .axis { stroke: #888888; stroke-width: 1; }
    table.data { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .4rem 0 1rem; }
    table.data th, table.data td { padding: .25rem .45rem; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
    table.data th:first-child, table.data td:first-child { text-align: left; }
    table.data thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
    table.data tbody tr:nth-child(even) { background: var(--band); }
    table.data td.n { color: var(--muted); }
    table.data tr.section th { background: #e8eef4; text-align: left; }
    .tag { font-size: .75rem; color: var(--muted); }
    ul.summary li { margin-bottom: .5rem; }
    blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .8rem; border-left: 3px solid var(--rule); color: #333; font-style: italic; }
    .legend-list { font-size: .85rem; color: var(--muted); }
    @page {
      size: A4; margin: 16mm 14mm 18mm;
      @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 8.5pt; color: #5a5a5a; }
    }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      h2 { break-before: page; }
      h2.first { break-before: avoid; }
      /* A heading (or a chart's caption) never ends a page: it stays with what follows. */
      h2, h3, h4, figcaption, table.data caption { break-after: avoid; }
      figure svg, blockquote, ul.summary li { break-inside: avoid; }
      /* Long tables may continue on the next page, with their header row again, but a row is never split. */
      table.data tr { break-inside: avoid; }
      table.data thead { display: table-header-group; }
      nav.toc { break-after: page; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
