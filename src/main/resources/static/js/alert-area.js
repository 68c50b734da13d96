// An alert's area on a small map: the area as published (simplified, dashed orange) under the area as drawn
// (red), so what simplifying added shows as the orange rim. Regions are the backdrop; no tile server.
(function () {
  const el = document.getElementById('alert-map');
  if (!el) return;
  const map = L.map(el, { zoomSnap: 0.25 });
  backdrop(map, el);
  const published = L.geoJSON(JSON.parse(el.dataset.area), {
    style: { color: '#b35c00', weight: 2, dashArray: '5 4', fillColor: '#f6c77e', fillOpacity: 0.55 },
  }).addTo(map);
  L.geoJSON(JSON.parse(el.dataset.drawn), {
    style: { color: '#b3261e', weight: 2, fillColor: '#e06c61', fillOpacity: 0.6 },
  }).addTo(map);
  map.fitBounds(published.getBounds(), { padding: [16, 16] });
})();
