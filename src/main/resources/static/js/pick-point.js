// Places a point on a small map, one click, with no tile server: regions, roads and hazard areas are the
// backdrop. The longitude and latitude fields follow the point, and the point follows them when typed in.
// With data-readonly the map only shows the point of its (hidden) fields, centred.
(function () {
  const el = document.getElementById('pick-map');
  if (!el) return;
  const lon = document.getElementById(el.dataset.longitude);
  const lat = document.getElementById(el.dataset.latitude);
  const map = L.map(el, { zoomSnap: 0.25 });
  backdrop(map, el);

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
  const readonly = el.dataset.readonly !== undefined;
  if (!readonly) map.on('click', (e) => {
    place(e.latlng);
    lon.value = round(e.latlng.lng);
    lat.value = round(e.latlng.lat);
  });
  function typed() {
    const x = parseFloat(lon.value);
    const y = parseFloat(lat.value);
    if (Number.isFinite(x) && Number.isFinite(y)) {
      place(L.latLng(y, x));
      if (readonly) map.setView(L.latLng(y, x), 13);
    }
  }
  lon.addEventListener('change', typed);
  lat.addEventListener('change', typed);
  typed();
})();
