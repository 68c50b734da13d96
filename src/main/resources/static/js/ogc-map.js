// The features of an OGC API page on a small map, with no tile server: the page's own GeoJSON (in the
// script element #ogc-features) over the region boundaries, zoomed to the features.
(function () {
  const el = document.getElementById('ogc-map');
  const data = document.getElementById('ogc-features');
  if (!el || !data) return;
  const map = L.map(el, { zoomSnap: 0.25 });
  map.attributionControl.setPrefix('Custodian');
  L.control.scale({ imperial: false }).addTo(map);
  map.setView([39.75, 46.85], 8);
  fetch('/map/layers/regions', { headers: { Accept: 'application/geo+json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((fc) => {
      if (fc) L.geoJSON(fc, { style: { color: '#1f3a56', weight: 1, fillColor: '#d8e2ec', fillOpacity: 0.35 }, interactive: false }).addTo(map).bringToBack();
    });
  const shown = L.geoJSON(JSON.parse(data.textContent), {
    style: { color: '#b3261e', weight: 2, fillOpacity: 0.25 },
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 5, weight: 1, color: '#b3261e', fillOpacity: 0.7 }),
  }).addTo(map);
  const bounds = shown.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
  el.dataset.drawn = String(shown.getLayers().length);
})();
