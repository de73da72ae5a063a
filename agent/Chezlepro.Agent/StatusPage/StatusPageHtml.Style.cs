namespace Chezlepro.Agent.StatusPage;

internal static partial class StatusPageHtml
{
    // System fonts only: nothing is fetched, the page renders the same with the WAN down.
    private const string Style = """
        <style>
        :root { --bg:#f4f5f7; --card:#fff; --fg:#1d2330; --muted:#667085; --ok:#1a7f37; --warn:#9a6700; --bad:#c62828; --line:#e3e6eb; }
        @media (prefers-color-scheme: dark) { :root { --bg:#11151c; --card:#1a202a; --fg:#e6e9ef; --muted:#98a2b3; --line:#2b3340; } }
        * { box-sizing: border-box; }
        body { margin:0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--fg); }
        header { display:flex; justify-content:space-between; align-items:flex-start; gap:1rem; padding:1rem 1.25rem; border-bottom:1px solid var(--line); background:var(--card); }
        h1 { font-size:1.3rem; margin:0; } h2 { font-size:1.05rem; margin:0 0 .6rem; }
        .sub, .muted { color:var(--muted); font-size:.88rem; }
        button { font:inherit; padding:.35rem .8rem; border:1px solid var(--line); border-radius:6px; background:var(--bg); color:var(--fg); cursor:pointer; }
        main { display:grid; grid-template-columns:repeat(auto-fit, minmax(320px, 1fr)); gap:1rem; padding:1rem 1.25rem; }
        .card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:1rem; }
        .wide { grid-column:1 / -1; }
        .kv { display:grid; grid-template-columns:auto 1fr; gap:.3rem 1rem; margin:0; }
        .kv dt { color:var(--muted); } .kv dd { margin:0; font-weight:600; }
        table { width:100%; border-collapse:collapse; font-size:.92rem; }
        th, td { text-align:left; padding:.35rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
        th { color:var(--muted); font-weight:600; }
        .scroll { overflow-x:auto; }
        .ok { color:var(--ok); } .warning { color:var(--warn); } .critical, .bad { color:var(--bad); } .unknown { color:var(--muted); }
        .badge { display:inline-block; padding:.05rem .5rem; border-radius:999px; border:1px solid currentColor; font-size:.8rem; font-weight:700; }
        .alerts { list-style:none; margin:0; padding:0; }
        .alerts li { padding:.5rem .7rem; margin-bottom:.4rem; border-left:5px solid var(--bad); background:var(--bg); border-radius:4px; }
        .alerts li.P2 { border-left-color:#e65100; } .alerts li.P3 { border-left-color:var(--warn); }
        .banner { margin:1rem 1.25rem 0; padding:.6rem .9rem; border:1px solid currentColor; border-radius:8px; font-weight:600; }
        [hidden] { display:none !important; }
        </style>

        """;
}
