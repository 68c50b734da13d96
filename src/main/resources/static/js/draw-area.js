// Draws a geometry on a small map, one click a vertex, with no tile server. The backdrop is either a record's
// own area (data-context, with what was released from it in data-released) or the layers of data-layers.
// A polygon by default; when data-shape names a select, that select says point, line or polygon. The
// geometry goes into the form's GeoJSON field, which also takes a pasted geometry (from a GPS or a survey
// tool) and then shows it. With data-readonly the map only shows the whole geometry of its (hidden) field.
(function () {
  const el = document.getElementById('draw-map');
  if (!el) return;
  const field = document.getElementById(el.dataset.field);
  const count = document.getElementById('draw-count');
  const shape = el.dataset.shape ? document.getElementById(el.dataset.shape) : null;
  const kind = () => (shape ? shape.value : 'Polygon');
  const map = L.map(el, { zoomSnap: 0.25, doubleClickZoom: false });
  if (el.dataset.context) {
    map.attributionControl.setPrefix('Custodian');
    L.control.scale({ imperial: false }).addTo(map);
    const context = L.geoJSON(JSON.parse(el.dataset.context), {
      style: { color: '#b3261e', weight: 2, fillOpacity: 0.12 },
    }).addTo(map);
    if (el.dataset.released) {
      L.geoJSON(JSON.parse(el.dataset.released), { style: { color: '#1b7f3b', weight: 1, fillOpacity: 0.35 } }).addTo(map);
    }
    map.fitBounds(context.getBounds(), { padding: [24, 24] });
  } else {
    backdrop(map, el);
  }

  const style = { color: '#1f3a56', weight: 3, dashArray: '5 4', fillOpacity: 0.25 };
  if (el.dataset.readonly !== undefined) {
    const shown = L.geoJSON(JSON.parse(field.value), {
      style: { color: '#1f3a56', weight: 3, fillOpacity: 0.25 },
      pointToLayer: (f, at) => L.circleMarker(at, { radius: 6, color: '#1f3a56', fillOpacity: 1 }),
    }).addTo(map);
    map.fitBounds(shown.getBounds(), { padding: [24, 24], maxZoom: 14 });
    return;
  }
  const area = L.polygon([], style).addTo(map);
  const line = L.polyline([], style).addTo(map);
  const vertices = L.layerGroup().addTo(map);
  let points = [];
  // Seven decimals of a degree: about a centimetre, finer than any survey on the ground.
  const round = (v) => Math.round(v * 1e7) / 1e7;

  function show() {
    area.setLatLngs(kind() === 'Polygon' ? points : []);
    line.setLatLngs(kind() === 'LineString' ? points : []);
    vertices.clearLayers();
    points.forEach((p) => L.circleMarker(p, { radius: 4, color: '#1f3a56', fillOpacity: 1 }).addTo(vertices));
    count.textContent = points.length ? points.length + ' ✓' : '';
  }

  function write() {
    const needed = { Point: 1, LineString: 2, Polygon: 3 }[kind()];
    if (points.length < needed) {
      field.value = '';
      return;
    }
    const c = points.map((p) => [round(p.lng), round(p.lat)]);
    const geometry =
      kind() === 'Point' ? { type: 'Point', coordinates: c[0] }
        : kind() === 'LineString' ? { type: 'LineString', coordinates: c }
          : { type: 'Polygon', coordinates: [c.concat([c[0]])] };
    field.value = JSON.stringify(geometry);
  }

  // The first part of a pasted geometry is drawn; the field keeps all of it until the map is clicked.
  function read() {
    try {
      const g = JSON.parse(field.value);
      const parts = {
        Point: ['Point', () => [g.coordinates]],
        LineString: ['LineString', () => g.coordinates],
        MultiLineString: ['LineString', () => g.coordinates[0]],
        Polygon: ['Polygon', () => g.coordinates[0].slice(0, -1)],
        MultiPolygon: ['Polygon', () => g.coordinates[0][0].slice(0, -1)],
      }[g.type];
      if (!parts || (!shape && parts[0] !== 'Polygon')) return;
      if (shape) shape.value = parts[0];
      points = parts[1]().map((c) => L.latLng(c[1], c[0]));
      show();
      if (!el.dataset.context && points.length) {
        // A point alone is shown with some of its surroundings.
        map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: points.length > 1 ? 18 : 14 });
      }
    } catch (e) {
      // Not GeoJSON yet: the server says what is wrong with it when the form is sent.
    }
  }

  map.on('click', (e) => {
    points = kind() === 'Point' ? [e.latlng] : points.concat([e.latlng]);
    show();
    write();
  });
  document.getElementById('draw-undo').addEventListener('click', () => { points.pop(); show(); write(); });
  document.getElementById('draw-clear').addEventListener('click', () => { points = []; show(); write(); });
  if (shape) shape.addEventListener('change', () => { points = points.slice(0, kind() === 'Point' ? 1 : points.length); show(); write(); });
  // A kind of record whose option names a shape (a road is a line) sets it, while nothing is drawn yet.
  const recordKind = el.closest('form') && el.closest('form').querySelector('select[name=kind]');
  if (shape && recordKind) {
    recordKind.addEventListener('change', () => {
      const preferred = recordKind.selectedOptions[0] && recordKind.selectedOptions[0].dataset.shape;
      if (preferred && !points.length && !field.value.trim()) shape.value = preferred;
    });
  }
  field.addEventListener('change', read);
  if (field.value.trim()) read();
})();
