// Places a point on a small map, one click, with no tile server: regions, roads and hazard areas are the
// backdrop. The longitude and latitude fields follow the point, and the point follows them when typed in.
(function () {
  const el = document.getElementById('pick-map');
  if (!el) return;
  const lon = document.getElementById(el.dataset.longitude);
  const lat = document.getElementById(el.dataset.latitude);
  const map = L.map(el, { zoomSnap: 0.25 });
  map.attributionControl.setPrefix('Custodian');
  L.control.scale({ imperial: false }).addTo(map);
  map.setView([39.75, 46.85], 9);
  const styles = {
    regions: { color: '#1f3a56', weight: 1, fillColor: '#d8e2ec', fillOpacity: 0.35 },
    'hazard-areas': { color: '#b3261e', weight: 1, fillOpacity: 0.3 },
    facilities: { color: '#4b5563', weight: 2 },
  };
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

  let marker = null;
  // Six decimals of a degree: about ten centimetres.
  const round = (v) => Math.round(v * 1e6) / 1e6;
  function place(latlng) {
    if (!marker) {
      marker = L.circleMarker(latlng, { radius: 7, color: '#b3261e', weight: 3, fillOpacity: 0.8 }).addTo(map);
    } else {
      marker.setLatLng(latlng);
    }
  }
  map.on('click', (e) => {
    place(e.latlng);
    lon.value = round(e.latlng.lng);
    lat.value = round(e.latlng.lat);
  });
  function typed() {
    const x = parseFloat(lon.value);
    const y = parseFloat(lat.value);
    if (Number.isFinite(x) && Number.isFinite(y)) {
      place(L.latLng(y, x));
    }
  }
  lon.addEventListener('change', typed);
  lat.addEventListener('change', typed);
  typed();
})();
