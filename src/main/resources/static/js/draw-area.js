// Draws a polygon on a small map, one click a corner, with no tile server: the hazard area and what was
// released before are the backdrop. The polygon goes into the form's GeoJSON field, which also takes a
// pasted polygon (from a GPS or a survey tool) and then shows it.
(function () {
  const el = document.getElementById('draw-map');
  if (!el) return;
  const field = document.getElementById(el.dataset.field);
  const count = document.getElementById('draw-count');
  const map = L.map(el, { zoomSnap: 0.25, doubleClickZoom: false });
  map.attributionControl.setPrefix('Custodian');
  L.control.scale({ imperial: false }).addTo(map);
  const context = L.geoJSON(JSON.parse(el.dataset.context), {
    style: { color: '#b3261e', weight: 2, fillOpacity: 0.12 },
  }).addTo(map);
  if (el.dataset.released) {
    L.geoJSON(JSON.parse(el.dataset.released), { style: { color: '#1b7f3b', weight: 1, fillOpacity: 0.35 } }).addTo(map);
  }
  map.fitBounds(context.getBounds(), { padding: [24, 24] });

  const drawn = L.polygon([], { color: '#1f3a56', weight: 2, dashArray: '5 4', fillOpacity: 0.25 }).addTo(map);
  const corners = L.layerGroup().addTo(map);
  let points = [];
  // Seven decimals of a degree: about a centimetre, finer than any survey on the ground.
  const round = (v) => Math.round(v * 1e7) / 1e7;

  function show() {
    drawn.setLatLngs(points);
    corners.clearLayers();
    points.forEach((p) => L.circleMarker(p, { radius: 4, color: '#1f3a56', fillOpacity: 1 }).addTo(corners));
    count.textContent = points.length ? points.length + ' ✓' : '';
  }

  function write() {
    if (points.length < 3) {
      field.value = '';
      return;
    }
    const ring = points.map((p) => [round(p.lng), round(p.lat)]);
    ring.push(ring[0]);
    field.value = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
  }

  function read() {
    try {
      const g = JSON.parse(field.value);
      const ring = g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0][0] : null;
      if (!ring) return;
      points = ring.slice(0, -1).map((c) => L.latLng(c[1], c[0]));
      show();
    } catch (e) {
      // Not GeoJSON yet: the server says what is wrong with it when the form is sent.
    }
  }

  map.on('click', (e) => { points.push(e.latlng); show(); write(); });
  document.getElementById('draw-undo').addEventListener('click', () => { points.pop(); show(); write(); });
  document.getElementById('draw-clear').addEventListener('click', () => { points = []; show(); write(); });
  field.addEventListener('change', read);
  if (field.value.trim()) read();
})();
