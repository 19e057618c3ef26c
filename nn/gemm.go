package nn

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// A matrix operand: element (i, j) is data[i*rs + j*cs]. Transposing is swapping rs and cs.
type mat struct {
	data   []float32
	rs, cs int
}

func rowMajor(d []float32, cols int) mat { return mat{d, cols, 1} }

// transposed returns the transpose of m (no copy).
func (m mat) transposed() mat { return mat{m.data, m.cs, m.rs} }

const (
	tileM = 6 // the most rows a kernel tile has
	tileN = 16
	// parallelMACs is the product size from which gemm splits the work over two goroutines.
	parallelMACs = 1 << 18
	// rowGroup is the height of a chunk of parallel work: a multiple of both tile heights.
	rowGroup = 96
	// kBlock is the depth of a block of k: a panel's slice of kBlock rows is 16 KB.
	kBlock = 256
)

// gemmWork is scratch space for gemm, owned by one caller (a layer) so steps do not allocate.
type gemmWork struct {
	part [2]gemmPart
}

// gemmPart is one worker's scratch: a packed B panel, a padded A tile and a C tile.
type gemmPart struct {
	b, a   []float32
	c      [tileM * tileN]float32
	panels []panel
}

// gemm adds a·b to c (m×n, row-major with row stride ldc), a being m×k and b k×n.
func gemm(m, n, k int, a, b mat, c []float32, ldc int, w *gemmWork) {
	if m == 0 || n == 0 || k == 0 {
		return
	}
	if !hasFMA {
		gemmGo(m, n, k, a, b, c, ldc)
		return
	}
	if n == 1 && gemv(m, k, a, b, c, ldc) {
		return
	}
	panels := (n + tileN - 1) / tileN
	t, rowsOuter := plan(m, n, a)
	// Measured on a 2-vCPU VM: two threads running this kernel get no more FMA throughput
	// than one (the vCPUs share a core's FMA units), and lose when another process wants a
	// core. So the work is split only from 4 logical CPUs up, where two physical cores are
	// likely.
	if m*n*k < parallelMACs || runtime.NumCPU() < 4 {
		gemmBlock(t, rowsOuter, 0, panels, 0, m, n, k, a, b, c, ldc, &w.part[0])
		return
	}
	gemmParallel(t, rowsOuter, panels, m, n, k, a, b, c, ldc, w)
}

// gemv does c += a·b for a one-column b (a matrix-vector product, such as a layer with one
// output) when a's rows or columns are contiguous, and reports whether it did.
func gemv(m, k int, a, b mat, c []float32, ldc int) bool {
	switch {
	case a.cs == 1 && b.rs == 1: // c[i] += row i of a · b
		for i := 0; i < m; i++ {
			c[i*ldc] += dot(a.data[i*a.rs:i*a.rs+k], b.data)
		}
	case a.rs == 1 && ldc == 1: // c += Σ_p b[p] · column p of a
		for p := 0; p < k; p++ {
			axpy(c[:m], a.data[p*a.cs:p*a.cs+m], b.data[p*b.rs])
		}
	default:
		return false
	}
	return true
}

// plan picks the register tile and the loop order for an m×n product with left operand a.
func plan(m, n int, a mat) (t tiling, rowsOuter bool) {
	// Measured: 6×16 tiles win when A's rows are adjacent in memory (a transposed A, as in
	// the weight gradient), 4×16 when each row is a separate stream.
	t = tiling{rows: 4, kern: kern4x16}
	if a.rs == 1 && (m%6 == 0 || m%4 != 0 || m > 256) {
		t = tiling{rows: 6, kern: kern6x16}
	}
	// Tall products (the weight gradient: m large, k small) walk row tiles outermost, so a
	// tile of A stays in L1 across all panels and C streams once; wide ones walk panels
	// outermost, so a panel of B stays in cache across all rows.
	return t, m >= n
}

// gemmParallel is gemm on two goroutines.
func gemmParallel(t tiling, rowsOuter bool, panels, m, n, k int, a, b mat, c []float32, ldc int, w *gemmWork) {
	// Two workers take chunks from a shared counter, so a core slowed by another process
	// does less of the work: groups of rows (all panels) for tall products, single panels
	// (all rows) for wide ones.
	chunks := panels
	if rowsOuter {
		chunks = (m + rowGroup - 1) / rowGroup
	}
	var next atomic.Int32
	work := func(part *gemmPart) {
		for {
			ch := int(next.Add(1)) - 1
			switch {
			case ch >= chunks:
				return
			case rowsOuter:
				gemmBlock(t, true, 0, panels, ch*rowGroup, min((ch+1)*rowGroup, m), n, k, a, b, c, ldc, part)
			default:
				gemmBlock(t, false, ch, ch+1, 0, m, n, k, a, b, c, ldc, part)
			}
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		work(&w.part[1])
	}()
	work(&w.part[0])
	wg.Wait()
}

// tiling is a register tile: its number of rows and the kernel computing it.
type tiling struct {
	rows int
	kern func(k int, a *float32, ars, acs int, b *float32, ldb int, c *float32, ldc int)
}

// panel is one 16-column panel of B as the kernel reads it: row p starts at b[p*ld].
type panel struct {
	b     []float32
	ld    int
	j0    int
	width int
}

// gemmBlock computes rows [r0, r1) of the column panels [p0, p1) of c += a·b with the
// assembly kernel, packing the panels that need it first. It walks k in blocks of kBlock so
// that the slice of a panel the row tiles share stays in L1.
func gemmBlock(t tiling, rowsOuter bool, p0, p1, r0, r1, n, k int, a, b mat, c []float32, ldc int, w *gemmPart) {
	w.panels = w.panels[:0]
	packed := 0
	for p := p0; p < p1; p++ {
		j0 := p * tileN
		pn := panel{j0: j0, width: min(tileN, n-j0)}
		if pn.width == tileN && b.cs == 1 {
			pn.b, pn.ld = b.data[j0:], b.rs
		} else {
			packed++
		}
		w.panels = append(w.panels, pn)
	}
	w.b = growBuf(w.b, packed*k*tileN)
	off := 0
	for i := range w.panels {
		if pn := &w.panels[i]; pn.b == nil {
			pn.b, pn.ld = w.b[off*k*tileN:(off+1)*k*tileN], tileN
			packB(pn.b, b, k, pn.j0, pn.width)
			off++
		}
	}
	for k0 := 0; k0 < k; k0 += kBlock {
		kb := min(kBlock, k-k0)
		ak := mat{a.data[k0*a.cs:], a.rs, a.cs}
		if rowsOuter {
			for i0 := r0; i0 < r1; i0 += t.rows {
				for i := range w.panels {
					tile(t, &w.panels[i], i0, r1, k0, kb, ak, c, ldc, w)
				}
			}
			continue
		}
		for i := range w.panels {
			for i0 := r0; i0 < r1; i0 += t.rows {
				tile(t, &w.panels[i], i0, r1, k0, kb, ak, c, ldc, w)
			}
		}
	}
}

// tile computes the register tile at rows i0.. (below r1) of panel pn over k0..k0+kb; a
// starts at column k0.
func tile(t tiling, pn *panel, i0, r1, k0, kb int, a mat, c []float32, ldc int, w *gemmPart) {
	rows := min(t.rows, r1-i0)
	ap, ars, acs := &a.data[i0*a.rs], a.rs*4, a.cs*4
	if rows < t.rows {
		w.a = growBuf(w.a, t.rows*kb)
		packA(w.a, a, kb, i0, rows, t.rows)
		ap, ars, acs = &w.a[0], kb*4, 4
	}
	bp, ldb := &pn.b[k0*pn.ld], pn.ld*4
	if rows == t.rows && pn.width == tileN {
		t.kern(kb, ap, ars, acs, bp, ldb, &c[i0*ldc+pn.j0], ldc*4)
		return
	}
	w.c = [tileM * tileN]float32{}
	t.kern(kb, ap, ars, acs, bp, ldb, &w.c[0], tileN*4)
	for r := 0; r < rows; r++ {
		axpy(c[(i0+r)*ldc+pn.j0:(i0+r)*ldc+pn.j0+pn.width], w.c[r*tileN:r*tileN+pn.width], 1)
	}
}

// packB copies columns [j0, j0+width) of b (k rows) into dst as k rows of tileN floats,
// padding with zeros.
func packB(dst []float32, b mat, k, j0, width int) {
	dst = dst[:k*tileN]
	if width < tileN {
		clear(dst)
	}
	if b.cs == 1 { // rows of b are contiguous
		for p := 0; p < k; p++ {
			copy(dst[p*tileN:p*tileN+width], b.data[p*b.rs+j0:p*b.rs+j0+width])
		}
		return
	}
	if b.rs == 1 { // columns of b are contiguous: a transposed matrix
		for j := 0; j < width; j++ {
			src := b.data[(j0+j)*b.cs:][:k]
			d := dst[j:]
			for p, v := range src {
				d[p*tileN] = v
			}
		}
		return
	}
	for j := 0; j < width; j++ {
		col := j0 + j
		for p := 0; p < k; p++ {
			dst[p*tileN+j] = b.data[p*b.rs+col*b.cs]
		}
	}
}

// packA copies rows [i0, i0+rows) of a into dst as tile row-major rows of k, padding with
// zero rows.
func packA(dst []float32, a mat, k, i0, rows, tile int) {
	dst = dst[:tile*k]
	clear(dst[rows*k:])
	for r := 0; r < rows; r++ {
		row := dst[r*k : r*k+k]
		base := (i0 + r) * a.rs
		for p := range row {
			row[p] = a.data[base+p*a.cs]
		}
	}
}

// gemmGo is the portable c += a·b.
func gemmGo(m, n, k int, a, b mat, c []float32, ldc int) {
	for i := 0; i < m; i++ {
		ci := c[i*ldc : i*ldc+n]
		for p := 0; p < k; p++ {
			av := a.data[i*a.rs+p*a.cs]
			if av == 0 {
				continue
			}
			for j := range ci {
				ci[j] += av * b.data[p*b.rs+j*b.cs]
			}
		}
	}
}

// matmulInto sets dst (m×n) to a (m×k) times b (k×n), all row-major.
func matmulInto(dst, a, b []float32, m, k, n int, w *gemmWork) {
	clear(dst[:m*n])
	gemm(m, n, k, rowMajor(a, k), rowMajor(b, n), dst, n, w)
}
