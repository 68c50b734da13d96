// The outreach map: a circle at each settlement visited, sized by the people reached there, each opening the
// visit in the list below; regions as the backdrop. No tile server, no personal data (the layer has none).
(function () {
  const el = document.getElementById('outreach-map');
  if (!el) return;
  const map = L.map(el, { zoomSnap: 0.25 });
  window.backdrop(map, el);
  fetch('/map/layers/outreach-visits', { headers: { Accept: 'application/geo+json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((fc) => {
      if (!fc) return;
      L.geoJSON(fc, {
        pointToLayer: (f, ll) => L.circleMarker(ll, {
          radius: 5 + Math.min(15, Math.sqrt(f.properties.people_reached || 0) * 2),
          color: '#7c3aed', fillOpacity: 0.5,
        }),
        onEachFeature: (f, l) => l.bindPopup(() => {
          const a = document.createElement('a');
          a.href = '#visit-' + f.id;
          a.textContent = f.properties.name + ' · ' + (f.properties.services || '');
          return a;
        }),
      }).addTo(map);
      el.dataset.drawn = (el.dataset.drawn || '') + 'outreach-visits ';
    });
})();
