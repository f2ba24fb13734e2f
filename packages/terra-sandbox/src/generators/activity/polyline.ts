/**
 * Encodes points with Google's encoded polyline algorithm (precision 5), the format of
 * `polyline_map_data.summary_polyline`. `stride` keeps every n-th point (the last is always kept).
 */
export function encodePolyline(lat: Float64Array, lng: Float64Array, stride = 1): string {
  let out = '';
  let lastLat = 0;
  let lastLng = 0;
  const count = lat.length;
  for (let i = 0; i < count; i = i === count - 1 ? count : Math.min(i + stride, count - 1)) {
    const la = Math.round((lat[i] ?? 0) * 1e5);
    const ln = Math.round((lng[i] ?? 0) * 1e5);
    out += encodeValue(la - lastLat) + encodeValue(ln - lastLng);
    lastLat = la;
    lastLng = ln;
  }
  return out;
}

function encodeValue(delta: number): string {
  let value = delta < 0 ? ~(delta << 1) : delta << 1;
  let out = '';
  while (value >= 0x20) {
    out += String.fromCharCode((0x20 | (value & 0x1f)) + 63);
    value >>>= 5;
  }
  return out + String.fromCharCode(value + 63);
}
