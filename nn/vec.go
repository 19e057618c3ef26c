package nn

import "github.com/viterin/vek/vek32"

// transposeInto sets dst (cols×rows) to the transpose of src (rows×cols), in blocks so both
// sides stay in cache.
func transposeInto(dst, src []float32, rows, cols int) {
	const bs = 32
	for i0 := 0; i0 < rows; i0 += bs {
		i1 := min(i0+bs, rows)
		for j0 := 0; j0 < cols; j0 += bs {
			j1 := min(j0+bs, cols)
			for i := i0; i < i1; i++ {
				row := src[i*cols : i*cols+cols]
				for j := j0; j < j1; j++ {
					dst[j*rows+i] = row[j]
				}
			}
		}
	}
}

// addInto adds src into dst elementwise (SIMD when available).
func addInto(dst, src []float32) {
	if len(dst) >= 32 {
		vek32.Add_Inplace(dst, src[:len(dst)])
		return
	}
	for i, v := range src[:len(dst)] {
		dst[i] += v
	}
}

// growBuf returns buf resized to n elements, reallocating only when it is too small.
func growBuf(buf []float32, n int) []float32 {
	if cap(buf) < n {
		return make([]float32, n)
	}
	return buf[:n]
}

// dot returns the dot product of x and y[:len(x)].
func dot(x, y []float32) float32 {
	y = y[:len(x)]
	var s float32
	done := 0
	if hasFMA {
		done = len(x) &^ 7
		s = dot8(x[:done], y[:done])
	}
	for i := done; i < len(x); i++ {
		s += x[i] * y[i]
	}
	return s
}
