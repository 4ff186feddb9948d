// Draw the network with vis-network. Labels and tooltips are text: every tooltip is a DOM
// element filled with textContent, so report text is never parsed as HTML.
(function () {
  const container = document.getElementById("network");
  if (!container || typeof vis === "undefined") return;
  const data = JSON.parse(document.getElementById("network-data").textContent);
  const options = JSON.parse(document.getElementById("network-options").textContent);
  function textTip(text) {
    const div = document.createElement("div");
    div.textContent = text;
    return div;
  }
  data.nodes.forEach((n) => { n.title = textTip(n.title || n.label); });
  data.edges.forEach((e) => { if (e.title) e.title = textTip(e.title); });
  const network = new vis.Network(container, {
    nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges),
  }, options);
  function stable() {
    network.setOptions({ physics: false });
    container.dataset.stable = "true";
  }
  if (options.physics && options.physics.enabled === false) {
    // positions came from the server: the picture is final as drawn
    network.once("afterDrawing", stable);
  } else {
    network.once("stabilizationIterationsDone", stable);
  }
  network.on("click", (params) => {
    if (params.nodes.length) {
      const url = container.dataset.entityUrl + "?iri=" + encodeURIComponent(params.nodes[0]);
      window.location.assign(url);
    }
  });
  window.yjkgNetwork = network;
})();
