// The map view: pins for the services listed under it. Data comes from the page itself.
(function () {
  var element = document.getElementById("map");
  if (!element || typeof L === "undefined") return;
  var points = JSON.parse(document.getElementById("map-points").textContent || "[]");
  var map = L.map(element, { scrollWheelZoom: false });
  var layer = L.tileLayer(element.dataset.tiles, {
    maxZoom: 18,
    attribution: element.dataset.attribution,
  }).addTo(map);
  var failed = 0;
  layer.on("tileerror", function () {
    failed += 1;
    if (failed === 3) element.classList.add("map-offline");
  });
  var bounds = [];
  points.forEach(function (point) {
    var marker = L.marker([point.lat, point.lon]).addTo(map);
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    marker.bindPopup(link);
    bounds.push([point.lat, point.lon]);
  });
  if (element.dataset.lat) bounds.push([+element.dataset.lat, +element.dataset.lon]);
  if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
  else map.setView([13.75, 100.5], 5);
})();
