/** The stylesheet served at /app.css: light theme, modest. */
export const CSS = `
:root { --bg:#f5f7fa; --panel:#fff; --ink:#1d2733; --muted:#607080; --line:#dde3ea; --brand:#0b6b5d;
  --bad:#b42318; --bad-bg:#fdecea; --ok:#116b3a; --ok-bg:#e6f4ea; --warn:#8a5a00; --warn-bg:#fff4d6;
  --info:#1f4e99; --info-bg:#e8f0fc; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font-size:14px; line-height:1.45; }
a { color:var(--brand); }
.sr-only { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
.skip-link { position:absolute; left:-9999px; } .skip-link:focus { left:8px; top:8px; background:#fff; padding:6px; }
.topbar { display:flex; align-items:center; gap:20px; padding:10px 20px; background:var(--brand); color:#fff; }
.topbar a { color:#fff; }
.brand { font-weight:700; font-size:17px; text-decoration:none; display:flex; align-items:center; gap:8px; }
.logo { display:inline-grid; place-items:center; width:26px; height:26px; border-radius:6px; background:#fff; color:var(--brand); }
.workspace { opacity:.85; }
.global-search { margin-left:auto; }
.global-search input { padding:5px 10px; border-radius:6px; border:0; width:220px; }
.user { display:flex; gap:10px; align-items:center; }
.user-name { font-weight:600; }
.user-role, .user-branch { font-size:12px; background:rgba(255,255,255,.18); padding:2px 8px; border-radius:10px; }
.shell { display:flex; min-height:calc(100vh - 110px); }
.sidenav { width:200px; background:var(--panel); border-right:1px solid var(--line); padding:12px 0; flex:none; }
.sidenav ul { list-style:none; margin:0; padding:0; }
.sidenav a { display:block; padding:8px 18px; text-decoration:none; color:var(--ink); }
.sidenav a.active { background:#e6f2ef; color:var(--brand); font-weight:600; border-left:3px solid var(--brand); }
.content { flex:1; padding:14px 24px 32px; min-width:0; }
.breadcrumb ol { list-style:none; display:flex; gap:6px; padding:0; margin:0 0 10px; color:var(--muted); font-size:12px; }
.breadcrumb li + li::before { content:"›"; margin-right:6px; }
h1 { font-size:22px; margin:6px 0 4px; } h2 { font-size:16px; margin:0 0 10px; } h3 { font-size:15px; margin:0 0 4px; }
.lede { color:var(--muted); margin:0 0 14px; }
.page-head, .section-head { display:flex; align-items:center; gap:12px; }
.section-head { justify-content:space-between; }
.head-actions { margin-left:auto; }
.card { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:14px 16px; margin-bottom:14px; }
.cards { display:grid; grid-template-columns:repeat(auto-fill, minmax(300px, 1fr)); gap:14px; }
.two-col { display:grid; grid-template-columns:2fr 1fr; gap:14px; }
.kpis { display:grid; grid-template-columns:repeat(4, 1fr); gap:14px; margin-bottom:14px; }
.kpi { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:12px 14px; }
.kpi p { margin:0; } .kpi-label, .kpi-note { color:var(--muted); font-size:12px; } .kpi-value { font-size:20px; font-weight:700; }
.activity { list-style:none; padding:0; margin:0; } .activity li { padding:6px 0; border-bottom:1px solid var(--line); }
.when { color:var(--muted); font-variant-numeric:tabular-nums; margin-right:8px; }
.muted { color:var(--muted); }
.btn { border:1px solid var(--line); background:#fff; color:var(--ink); border-radius:6px; padding:6px 12px; cursor:pointer; font:inherit; text-decoration:none; display:inline-block; }
.btn:hover { border-color:var(--brand); } .btn[disabled] { opacity:.55; cursor:progress; }
.btn-primary { background:var(--brand); border-color:var(--brand); color:#fff; }
.btn-sm { padding:3px 9px; font-size:12px; } .btn-link { border-color:transparent; background:none; color:var(--brand); }
.filters { display:flex; flex-wrap:wrap; gap:12px; align-items:end; background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:10px 12px; margin-bottom:10px; }
.filters label { display:flex; flex-direction:column; gap:3px; font-size:12px; color:var(--muted); }
.filters select, .filters input { padding:5px 8px; border:1px solid var(--line); border-radius:6px; font:inherit; color:var(--ink); min-width:170px; }
.summary { color:var(--muted); margin:6px 0; }
.table-wrap { overflow:auto; }
table.data { width:100%; border-collapse:collapse; background:var(--panel); border:1px solid var(--line); }
table.data th, table.data td { text-align:left; padding:7px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
table.data th { background:#f0f3f7; font-size:12px; text-transform:uppercase; letter-spacing:.03em; color:var(--muted); }
td.num { text-align:right; font-variant-numeric:tabular-nums; } td.msg, .msg { word-break:break-word; }
table.data time, .sync-table td:nth-child(-n+4), .log-table td:first-child, .mappings td:first-child { white-space:nowrap; }
td.empty, .empty { color:var(--muted); text-align:center; padding:24px; }
.chip { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; white-space:nowrap; background:#eef1f4; }
.chip-failed { background:var(--bad-bg); color:var(--bad); } .chip-succeeded { background:var(--ok-bg); color:var(--ok); }
.chip-needs-attention, .chip-retrying { background:var(--warn-bg); color:var(--warn); }
.chip-pending, .chip-queued { background:var(--info-bg); color:var(--info); }
.badge { display:inline-block; padding:1px 8px; border-radius:4px; background:#eef1f4; font-size:12px; }
.badge-ok { background:var(--ok-bg); color:var(--ok); } .badge-bad { background:var(--bad-bg); color:var(--bad); }
.live-badge { font-size:12px; color:var(--ok); background:var(--ok-bg); padding:2px 8px; border-radius:10px; }
.tabs { display:flex; gap:4px; margin-bottom:10px; } .tab { padding:5px 12px; border-radius:6px; text-decoration:none; }
.tab.active { background:#e6f2ef; font-weight:600; }
.aria-grid { background:var(--panel); border:1px solid var(--line); border-radius:6px; }
.grid-row { display:grid; grid-template-columns:110px 90px 150px 110px minmax(220px, 1fr) 80px 160px 80px; border-bottom:1px solid var(--line); }
.grid-row > div { padding:7px 10px; }
.grid-body .grid-row > div:nth-child(3), .grid-body .grid-row > div:nth-child(7) { white-space:nowrap; }
.grid-head [role=columnheader] { font-size:12px; font-weight:600; color:var(--muted); background:#f0f3f7; }
.banner { display:flex; justify-content:space-between; align-items:center; gap:16px; border-radius:8px; padding:12px 16px; margin:12px 0; }
.banner p { margin:0; } .banner-title { font-weight:700; }
.banner-error { background:var(--bad-bg); border:1px solid #f3b8b2; } .banner-info { background:var(--info-bg); border:1px solid #c3d5f3; }
.dl-grid { display:grid; grid-template-columns:180px 1fr; gap:6px 16px; background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:14px 16px; }
.dl-grid dt { color:var(--muted); } .dl-grid dd { margin:0; }
.kv { display:flex; gap:10px; padding:3px 0; } .kv .k { color:var(--muted); min-width:130px; }
.kv-list { display:grid; grid-template-columns:repeat(2, minmax(0, 1fr)); gap:2px 24px; }
.kv-row { display:flex; gap:24px; flex-wrap:wrap; margin-bottom:8px; } .kv-row .kv .k { min-width:0; }
.card-actions { display:flex; gap:12px; align-items:center; margin-top:10px; }
.conn-ok { color:var(--ok); font-weight:600; } .conn-bad { color:var(--bad); font-weight:600; }
.form-grid { display:grid; grid-template-columns:repeat(3, minmax(0, 1fr)); gap:10px 18px; }
.field { display:flex; flex-direction:column; gap:3px; } .field label { font-size:12px; color:var(--muted); }
.field input, .field select { padding:6px 8px; border:1px solid var(--line); border-radius:6px; background:#f8fafb; font:inherit; color:var(--ink); }
.field input.is-empty { border-color:#f3b8b2; background:var(--bad-bg); }
.log { margin:0; padding-left:22px; } .log li { padding:6px 0; border-bottom:1px dashed var(--line); }
.log-entry .k { color:var(--muted); font-size:12px; } .log-entry .v { margin-right:10px; }
.settings-list li { padding:4px 0; }
.back { margin:0; font-size:13px; }
.footer { border-top:1px solid var(--line); background:var(--panel); padding:10px 24px; color:var(--muted); font-size:12px; display:flex; justify-content:space-between; }
.footer p { margin:0; }
`;

export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b6b5d"/><text x="16" y="22" font-size="18" text-anchor="middle" fill="#fff" font-family="sans-serif">A</text></svg>`;
