// The corridors map: corridors coloured by status, stations and shelters, each opening its page; regions and
// hazard areas as the backdrop. No tile server.
(function () {
  const el = document.getElementById('humanitarian-map');
  if (!el) return;
  const map = L.map(el, { zoomSnap: 0.25 });
  window.backdrop(map, el);
  const colours = { OPEN: '#15803d', PLANNED: '#b45309', CLOSED: '#a3261e' };
  const link = (href, text) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  };
  const layer = (id, options, page) =>
    fetch('/map/layers/' + id, { headers: { Accept: 'application/geo+json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((fc) => {
        if (!fc) return;
        L.geoJSON(fc, Object.assign({
          onEachFeature: (f, l) => l.bindPopup(() => link(page ? page + f.id : '#', f.properties.name)),
        }, options)).addTo(map);
        el.dataset.drawn = (el.dataset.drawn || '') + id + ' ';
      });
  layer('corridors', { style: (f) => ({ color: colours[f.properties.status] || '#0e7490', weight: 5, opacity: 0.85 }) }, '/corridors/');
  layer('stations', { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 6, color: '#0891b2', fillOpacity: 0.9 }) }, null);
  layer('shelters', {
    pointToLayer: (f, ll) => L.marker(ll, {
      icon: L.divIcon({ className: 'shelter-icon', html: '<span></span>', iconSize: [14, 14] }),
    }),
  }, '/shelters/');
})();
