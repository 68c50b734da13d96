// The operational map: MapLibre GL JS drawing the app's vector tiles over an offline basemap (Natural Earth
// countries bundled with the app, as vector tiles of its land, borders and coast), with the regions and
// settlements from their GeoJSON (names in every language). Nothing is fetched from outside the app unless a
// basemap URL is configured.
(function () {
  const el = document.getElementById('map');
  const configEl = document.getElementById('map-config');
  if (!el || !configEl || typeof maplibregl === 'undefined') return;
  const config = JSON.parse(configEl.textContent);
  const lang = el.dataset.lang || 'en';
  const origin = window.location.origin;
  maplibregl.setWorkerUrl(origin + '/js/vendor/maplibre-gl/maplibre-gl-csp-worker.js');

  const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const localName = (p) => p['name_' + lang] || p.name;

  // The bundled basemap comes as small tiles of the view, written once by the app: the map never holds (nor
  // works through) the whole world's countries. Deeper than its zoom 8 the map draws from those tiles.
  // A configured basemap (raster tiles: a URL template, or a PMTiles file) lies under everything else.
  const sources = {
    countries: { type: 'vector', tiles: [origin + '/basemap/tiles/{z}/{x}/{y}.mvt'], minzoom: 0, maxzoom: 8 },
  };
  const styleLayers = [
    { id: 'sea', type: 'background', paint: { 'background-color': '#c9dbe6' } },
  ];
  if (config.basemapUrl) {
    let url = config.basemapUrl;
    if (url.endsWith('.pmtiles') && typeof pmtiles !== 'undefined') {
      const protocol = new pmtiles.Protocol();
      maplibregl.addProtocol('pmtiles', protocol.tile);
      url = 'pmtiles://' + new URL(url, origin).href;
      sources.basemap = { type: 'raster', url, tileSize: 256, attribution: config.basemapAttribution || '' };
    } else {
      sources.basemap = { type: 'raster', tiles: [url], tileSize: 256, attribution: config.basemapAttribution || '' };
    }
  }
  styleLayers.push(
    { id: 'land', type: 'fill', source: 'countries', 'source-layer': 'countries', paint: { 'fill-color': '#f3f0e8' } },
  );
  if (sources.basemap) styleLayers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  styleLayers.push(
    { id: 'coast', type: 'line', source: 'countries', 'source-layer': 'coast', paint: { 'line-color': '#8fb1c6', 'line-width': 1 } },
    { id: 'borders', type: 'line', source: 'countries', 'source-layer': 'borders',
      paint: { 'line-color': '#8d7b8f', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 9, 1.6], 'line-dasharray': [3, 2] } },
  );

  // ---- the tiled layers: one source, each tile one request holding every layer (a layer of the tile each) ----
  const byLayer = {}; // map layer id -> style layer ids
  const interactive = [];
  const tiled = config.layers.filter((l) => l.tiled);
  const dated = tiled.filter((l) => l.first);
  const tileUrl = (to) => origin + '/tiles/{z}/{x}/{y}.mvt?layers=' + tiled.map((l) => encodeURIComponent(l.id)).join(',')
    + (to ? '&to=' + to : '');
  if (tiled.length) sources.layers = { type: 'vector', tiles: [tileUrl(null)], minzoom: 0, maxzoom: 16 };

  function statusColour(layer) {
    if (!layer.statusProperty || layer.statuses.length === 0) return layer.color;
    const expr = ['match', ['coalesce', ['get', layer.statusProperty], '']];
    layer.statuses.forEach((s) => expr.push(s.code, s.color));
    expr.push(layer.color);
    return expr;
  }

  function tiledLayers(layer) {
    const base = { source: 'layers', 'source-layer': layer.id };
    const colour = statusColour(layer);
    const ids = [];
    const add = (spec) => { styleLayers.push(Object.assign({}, base, spec)); ids.push(spec.id); return spec.id; };
    interactive.push(add({ id: 'L:' + layer.id + ':fill', type: 'fill', filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': colour, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.45, 14, 0.3] } }));
    add({ id: 'L:' + layer.id + ':outline', type: 'line', filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'line-color': layer.color, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 14, 2] } });
    interactive.push(add({ id: 'L:' + layer.id + ':line', type: 'line', filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 14, 5] } }));
    interactive.push(add({ id: 'L:' + layer.id + ':cluster', type: 'symbol', filter: ['has', 'count'],
      layout: {
        'icon-image': ['concat', 'cluster|', layer.color, '|', ['to-string', ['get', 'count']]],
        'icon-allow-overlap': true, 'icon-ignore-placement': true,
      } }));
    const fill = layer.statuses.length ? ['match', ['coalesce', ['get', layer.statusProperty], '']] : null;
    if (fill) { layer.statuses.forEach((s) => fill.push(s.code, s.color)); fill.push(layer.color); }
    interactive.push(add({ id: 'L:' + layer.id + ':point', type: 'symbol',
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['!', ['has', 'count']]],
      layout: {
        'icon-image': ['concat', 'sym|', layer.shape, '|', fill || layer.color, '|', layer.color],
        'icon-allow-overlap': true, 'icon-ignore-placement': true,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 15, 1.15],
      } }));
    byLayer[layer.id] = ids;
  }
  tiled.forEach(tiledLayers);

  // The view starts on the regions (their extent comes with the page), so every tile, the basemap's and the
  // layers', is asked for once and at once, not after the map has loaded and moved.
  const map = new maplibregl.Map({
    container: el,
    style: { version: 8, sources, layers: styleLayers },
    ...(config.bounds ? { bounds: config.bounds, fitBoundsOptions: { padding: 24 } } : { center: [46.7, 39.8], zoom: 7.5 }),
    attributionControl: false,
    maxZoom: 18,
    // Symbols are placed without overlap checks: fading them in only costs frames, each drawn in software
    // where there is no GPU.
    fadeDuration: 0,
    // Tests read the canvas back: keep the drawing buffer.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: 'Natural Earth · Custodian' }), 'bottom-right');
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  el.map = map;

  // ---- symbols: drawn once per shape, fill and outline, when a layer first asks for one ----
  const shapes = {
    circle: (c, s) => c.arc(s / 2, s / 2, s * 0.34, 0, Math.PI * 2),
    square: (c, s) => c.rect(s * 0.2, s * 0.2, s * 0.6, s * 0.6),
    triangle: (c, s) => { c.moveTo(s / 2, s * 0.14); c.lineTo(s * 0.86, s * 0.8); c.lineTo(s * 0.14, s * 0.8); c.closePath(); },
    diamond: (c, s) => { c.moveTo(s / 2, s * 0.12); c.lineTo(s * 0.88, s / 2); c.lineTo(s / 2, s * 0.88); c.lineTo(s * 0.12, s / 2); c.closePath(); },
    pentagon: (c, s) => polygon(c, s, 5, 0.38, 0.38),
    star: (c, s) => polygon(c, s, 5, 0.42, 0.2),
  };
  function polygon(c, s, n, outer, inner) {
    const steps = outer === inner ? n : n * 2;
    for (let i = 0; i < steps; i++) {
      const r = (i % 2 === 0 || outer === inner ? outer : inner) * s;
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / steps;
      const x = s / 2 + r * Math.cos(a);
      const y = s / 2 + r * Math.sin(a);
      if (i === 0) c.moveTo(x, y); else c.lineTo(x, y);
    }
    c.closePath();
  }
  map.on('styleimagemissing', (e) => {
    const [kind, shape, fill, stroke] = e.id.split('|');
    if (kind === 'cluster') return addCluster(e.id, shape, fill);
    if (kind !== 'sym' || !shapes[shape]) return;
    const size = 48;
    const canvas = document.createElement('canvas');
    canvas.width = size; canvas.height = size;
    const c = canvas.getContext('2d');
    c.beginPath(); shapes[shape](c, size);
    c.lineJoin = 'round';
    c.lineWidth = 9; c.strokeStyle = 'rgba(255,255,255,0.95)'; c.stroke();
    c.fillStyle = fill; c.fill();
    c.lineWidth = 4; c.strokeStyle = stroke; c.stroke();
    map.addImage(e.id, { width: size, height: size, data: c.getImageData(0, 0, size, size).data }, { pixelRatio: 2 });
  });

  // A cluster: a disc in the layer's colour, larger for more records, its count written in the page's font.
  function addCluster(id, colour, count) {
    const n = Number(count);
    const r = Math.round(2 * (11 + 4 * Math.log10(Math.max(n, 2))));
    const size = 2 * r + 8;
    const canvas = document.createElement('canvas');
    canvas.width = size; canvas.height = size;
    const c = canvas.getContext('2d');
    c.beginPath(); c.arc(size / 2, size / 2, r + 4, 0, Math.PI * 2); c.fillStyle = 'rgba(255,255,255,0.9)'; c.fill();
    c.beginPath(); c.arc(size / 2, size / 2, r, 0, Math.PI * 2); c.fillStyle = colour; c.globalAlpha = 0.9; c.fill();
    c.globalAlpha = 1;
    c.fillStyle = '#fff'; c.textAlign = 'center'; c.textBaseline = 'middle';
    c.font = 'bold ' + Math.round(r * 0.95) + 'px system-ui, "DejaVu Sans", sans-serif';
    c.fillText(n.toLocaleString(lang), size / 2, size / 2 + 1);
    map.addImage(id, { width: size, height: size, data: c.getImageData(0, 0, size, size).data }, { pixelRatio: 2 });
  }

  function addReference(layer, fc) {
    if (layer.id === 'regions') {
      map.addSource('regions', { type: 'geojson', data: fc, promoteId: 'code' });
      map.addLayer({ id: 'L:regions:fill', type: 'fill', source: 'regions',
        paint: { 'fill-color': '#dfe7ee', 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.55, 0.32] } }, firstThematic());
      map.addLayer({ id: 'L:regions:line', type: 'line', source: 'regions',
        paint: { 'line-color': '#1f3a56', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 12, 2.5] } }, firstThematic());
      byLayer.regions = ['L:regions:fill', 'L:regions:line'];
      interactive.push('L:regions:fill');
      labels.regions = fc.features.map((f) => label(f, 'region-label', '/regions/' + encodeURIComponent(f.properties.code)));
    } else if (layer.id === 'settlements') {
      map.addSource('settlements', { type: 'geojson', data: fc });
      map.addLayer({ id: 'L:settlements:point', type: 'circle', source: 'settlements',
        paint: {
          'circle-color': layer.color, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5,
          'circle-radius': ['match', ['get', 'kind'], ['CITY', 'DISTRICT_CENTRE'], 6, 4],
        } }, firstThematic());
      byLayer.settlements = ['L:settlements:point'];
      interactive.push('L:settlements:point');
      labels.settlements = fc.features.map((f) => label(f, 'place-label', null));
    }
  }
  const firstThematic = () => (map.getStyle().layers.find((l) => l.id.startsWith('L:') && !l.id.startsWith('L:regions')) || {}).id;

  // Labels are HTML: the app serves no font glyphs, and a page's own fonts cover all four scripts.
  const labels = {};
  function label(f, className, href) {
    const node = document.createElement(href ? 'a' : 'span');
    node.className = className;
    node.textContent = localName(f.properties);
    if (href) node.href = href;
    const marker = new maplibregl.Marker({ element: node, anchor: className === 'place-label' ? 'left' : 'center',
      offset: className === 'place-label' ? [7, 0] : [0, 0] })
      .setLngLat(labelPoint(f.geometry))
      .addTo(map);
    return marker;
  }
  // The middle of the largest ring's box: good enough for the compact region cells.
  function labelPoint(g) {
    if (g.type === 'Point') return g.coordinates;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    let best = null; let bestArea = -1;
    polygons.forEach((p) => {
      const xs = p[0].map((c) => c[0]); const ys = p[0].map((c) => c[1]);
      const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
      const area = (box[2] - box[0]) * (box[3] - box[1]);
      if (area > bestArea) { bestArea = area; best = box; }
    });
    return [(best[0] + best[2]) / 2, (best[1] + best[3]) / 2];
  }
  function placeLabelsByZoom() {
    const show = map.getZoom() >= 9;
    (labels.settlements || []).forEach((m) => { m.getElement().style.display = show && visible.settlements !== false ? '' : 'none'; });
  }

  // ---- pop-ups: the server writes them in the reader's language, with a link to the record ----
  function openPopup(layerId, featureId, lngLat) {
    return fetch('/map/layers/' + encodeURIComponent(layerId) + '/items/' + encodeURIComponent(featureId) + '/popup',
      { headers: { Accept: 'text/html' } })
      .then((r) => (r.ok ? r.text() : null))
      .then((html) => {
        if (!html) return null;
        return new maplibregl.Popup({ maxWidth: '320px', className: 'gl-popup' }).setLngLat(lngLat).setHTML(html).addTo(map);
      });
  }
  map.on('click', (e) => {
    const hits = map.queryRenderedFeatures(e.point, { layers: interactive.filter((id) => map.getLayer(id)) });
    if (hits.length === 0) return;
    const f = hits[0];
    const layerId = f.layer.id.split(':')[1];
    if (f.properties.count) {
      map.easeTo({ center: f.geometry.coordinates, zoom: Math.min(map.getZoom() + 2.5, 16) });
      return;
    }
    const id = layerId === 'regions' ? null : (f.properties.id || f.id);
    if (layerId === 'regions') {
      const p = f.properties;
      new maplibregl.Popup({ maxWidth: '280px', className: 'gl-popup' }).setLngLat(e.lngLat)
        .setHTML('<div class="popup-card"><strong>' + escape(localName(p)) + '</strong><br><a class="popup-open" href="/regions/'
          + encodeURIComponent(p.code) + '">' + escape(el.dataset.openregion || '→') + '</a></div>')
        .addTo(map);
      return;
    }
    if (id != null) openPopup(layerId, id, e.lngLat);
  });
  map.on('mousemove', (e) => {
    const hits = map.queryRenderedFeatures(e.point, { layers: interactive.filter((id) => map.getLayer(id)) });
    map.getCanvas().style.cursor = hits.length ? 'pointer' : '';
  });

  // ---- the layer panel ----
  const visible = {};
  document.querySelectorAll('input[data-layer]').forEach((box) => box.addEventListener('change', () => {
    const id = box.dataset.layer;
    visible[id] = box.checked;
    (byLayer[id] || []).forEach((s) => map.setLayoutProperty(s, 'visibility', box.checked ? 'visible' : 'none'));
    (labels[id] || []).forEach((m) => { m.getElement().style.display = box.checked ? '' : 'none'; });
    placeLabelsByZoom();
  }));

  // ---- the time slider: dated layers show what happened up to the chosen day ----
  const DAY = 86400000;
  const slider = document.getElementById('time-slider');
  const all = document.getElementById('time-all');
  const output = document.getElementById('time-value');
  let days = null;
  if (dated.length && slider) {
    const first = Math.min(...dated.map((l) => Date.parse(l.first)));
    const last = Math.max(...dated.map((l) => Date.parse(l.last)));
    days = { first, count: Math.round((last - first) / DAY) };
    slider.max = String(days.count);
    slider.value = String(days.count);
    document.getElementById('time-filter').hidden = false;
  }
  const sliderDay = () => new Date(days.first + Number(slider.value) * DAY).toISOString().slice(0, 10);
  function showDay() {
    output.textContent = all.checked ? '' : new Date(sliderDay() + 'T00:00:00Z').toLocaleDateString(lang, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
  }
  let timer = null;
  function applyTime() {
    showDay();
    clearTimeout(timer);
    timer = setTimeout(() => {
      const to = all.checked ? null : sliderDay();
      const source = map.getSource('layers');
      if (source) source.setTiles([tileUrl(to)]);
      el.dataset.until = to || '';
    }, 150);
  }
  if (days) {
    slider.addEventListener('input', () => { all.checked = false; applyTime(); });
    all.addEventListener('change', applyTime);
    showDay();
  }

  // ---- start: the region cells and settlements, asked for at once, drawn under the layers once the style is in ----
  const fetchJson = (url) => fetch(url, { headers: { Accept: 'application/json, application/geo+json' } }).then((r) => r.json());
  const reference = config.layers.filter((l) => !l.tiled);
  const referenceLoaded = Promise.all(reference.map((l) => fetchJson('/map/layers/' + encodeURIComponent(l.id)).then((fc) => ({ l, fc }))));
  const styleLoaded = new Promise((resolve) => map.once('style.load', resolve));
  Promise.all([referenceLoaded, styleLoaded]).then(([loaded]) => {
    loaded.sort((a, b) => (a.l.id === 'regions' ? 0 : 1) - (b.l.id === 'regions' ? 0 : 1)).forEach(({ l, fc }) => addReference(l, fc));
    placeLabelsByZoom();
    map.once('idle', () => { el.dataset.ready = 'true'; });
  });
  let hovered = null;
  map.on('mousemove', 'L:regions:fill', (e) => {
    if (hovered) map.setFeatureState({ source: 'regions', id: hovered }, { hover: false });
    hovered = e.features[0].id;
    map.setFeatureState({ source: 'regions', id: hovered }, { hover: true });
  });
  map.on('mouseleave', 'L:regions:fill', () => {
    if (hovered) map.setFeatureState({ source: 'regions', id: hovered }, { hover: false });
    hovered = null;
  });
  map.on('zoomend', placeLabelsByZoom);

  // For tests and tools: the features drawn of one layer, and a feature's pop-up opened by its id.
  el.rendered = (layerId) => map.queryRenderedFeatures({ layers: (byLayer[layerId] || []).filter((id) => map.getLayer(id)) })
    .map((f) => ({ id: f.properties.id == null ? null : String(f.properties.id), count: f.properties.count || null,
      status: f.layer && f.properties[(config.layers.find((l) => l.id === layerId) || {}).statusProperty] || null,
      date: f.properties.date || null, type: f.geometry.type,
      at: f.geometry.type === 'Point' ? (({ x, y }) => [x, y])(map.project(f.geometry.coordinates)) : null }));
  el.openPopup = openPopup;
})();
