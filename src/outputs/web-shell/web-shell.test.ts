import { fillShell } from "./web-shell";

const INDEX = `<html><head><title>policygraph</title><script type="module" src="/assets/x.js"></script></head>
<body><main id="main"><div id="app"><!--policygraph:ssr--></div></main></body></html>`;

describe("fillShell", () => {
  it("puts the description in the main slot and the alternates in the head", () => {
    const html = fillShell(INDEX, {
      title: "市国资委",
      head: '<link rel="alternate" type="text/turtle" href="?format=ttl">',
      body: "<article><h1>市国资委</h1></article>",
    });
    expect(html).toContain("<title>市国资委 · policygraph</title>");
    expect(html).toContain('<link rel="alternate" type="text/turtle" href="?format=ttl">\n</head>');
    expect(html).toContain('<div id="app"><article><h1>市国资委</h1></article></div>');
    expect(html).toContain('<script type="module" src="/assets/x.js"></script>');
  });

  it("escapes the title and takes replacement patterns in content literally", () => {
    const html = fillShell(INDEX, { title: "<b>&'$&", body: "price $& and $1" });
    expect(html).toContain("<title>&lt;b&gt;&amp;&#39;$&amp; · policygraph</title>");
    expect(html).toContain('<div id="app">price $& and $1</div>');
  });

  it("leaves an empty slot when there is nothing to render", () => {
    expect(fillShell(INDEX)).toContain('<div id="app"></div>');
  });
});
