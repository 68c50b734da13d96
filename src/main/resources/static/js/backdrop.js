// The backdrop of the small maps on forms, with no tile server: the layers named in the element's
// data-layers (regions, roads, hazard areas), drawn faintly and not clickable, so clicks reach the map.
// Each layer's id is added to data-drawn when it is on the map.
window.backdrop = function (map, el) {
  const styles = {
    regions: { color: '#1f3a56', weight: 1, fillColor: '#d8e2ec', fillOpacity: 0.35 },
    'hazard-areas': { color: '#b3261e', weight: 1, fillOpacity: 0.3 },
    facilities: { color: '#4b5563', weight: 2 },
  };
  map.attributionControl.setPrefix('Custodian');
  L.control.scale({ imperial: false }).addTo(map);
  map.setView([39.75, 46.85], 9);
  (el.dataset.layers || '').split(',').filter(Boolean).forEach((id) => {
    fetch('/map/layers/' + id, { headers: { Accept: 'application/geo+json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((fc) => {
        if (!fc) return;
        L.geoJSON(fc, {
          style: styles[id],
          interactive: false,
          pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 2, weight: 1, color: '#4b5563', interactive: false }),
        }).addTo(map);
        el.dataset.drawn = (el.dataset.drawn || '') + id + ' ';
      });
  });
};
