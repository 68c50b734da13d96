// The backdrop of the small maps on forms, with no tile server: the layers named in the element's
// data-layers (regions, roads, hazard areas), drawn faintly and not clickable, so clicks reach the map.
// Each layer's id is added to data-drawn when it is on the map. Regions carry their names; on a form with a
// region field (regionCode) the map shows the region chosen, and a point placed with none chosen chooses
// the region it lies in.
window.backdrop = function (map, el) {
  const styles = {
    regions: { color: '#1f3a56', weight: 1, fillColor: '#d8e2ec', fillOpacity: 0.35 },
    'hazard-areas': { color: '#b3261e', weight: 1, fillOpacity: 0.3 },
    facilities: { color: '#4b5563', weight: 2 },
  };
  const lang = document.documentElement.lang || 'en';
  const form = el.closest('form');
  const regionField = form ? form.querySelector('[name=regionCode]') : null;
  let regions = null;
  // The map, for tests and tools that look at what it shows.
  el.leafletMap = map;
  map.attributionControl.setPrefix('Custodian');
  L.control.scale({ imperial: false }).addTo(map);
  map.setView([39.75, 46.85], 9);

  function region(code) {
    let found = null;
    if (regions) regions.eachLayer((l) => { if (l.feature.properties.code === code) found = l; });
    return found;
  }
  function showChosen() {
    const chosen = regionField && regionField.value ? region(regionField.value) : null;
    if (chosen && el.dataset.readonly === undefined) map.fitBounds(chosen.getBounds(), { padding: [8, 8] });
  }
  if (regionField) regionField.addEventListener('change', showChosen);
  if (regionField && el.dataset.readonly === undefined) {
    map.on('click', (e) => {
      if (regionField.value || !regions) return;
      regions.eachLayer((l) => {
        if (!regionField.value && contains(l.feature.geometry, e.latlng)) {
          regionField.value = l.feature.properties.code;
          regionField.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
    });
  }

  (el.dataset.layers || '').split(',').filter(Boolean).forEach((id) => {
    fetch('/map/layers/' + id, { headers: { Accept: 'application/geo+json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((fc) => {
        if (!fc) return;
        const layer = L.geoJSON(fc, {
          style: styles[id],
          interactive: false,
          pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 2, weight: 1, color: '#4b5563', interactive: false }),
          onEachFeature: id !== 'regions' ? undefined : (f, l) => {
            const p = f.properties;
            l.bindTooltip(p['name_' + lang] || p.name || p.code,
              { permanent: true, direction: 'center', className: 'region-label' });
          },
        }).addTo(map);
        if (id === 'regions') {
          regions = layer;
          showChosen();
        }
        el.dataset.drawn = (el.dataset.drawn || '') + id + ' ';
      });
  });

  // Whether a GeoJSON Polygon or MultiPolygon holds the point (even-odd rule, holes included).
  function contains(geometry, latlng) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    const x = latlng.lng;
    const y = latlng.lat;
    let inside = false;
    polygons.forEach((rings) => rings.forEach((ring) => {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }));
    return inside;
  }
};
