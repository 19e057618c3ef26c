package slices

import "cmp"

// Sort sorts a slice of any ordered type in ascending order; NaNs are ordered before
// other values.
func Sort[E cmp.Ordered](x []E) {
	mergeSort(x, func(a, b E) int { return cmp.Compare(a, b) })
}

// SortFunc sorts the slice x in ascending order as determined by the cmp function.
func SortFunc[E any](x []E, cmpf func(a, b E) int) {
	mergeSort(x, cmpf)
}

// SortStableFunc sorts the slice x while keeping the original order of equal elements.
func SortStableFunc[E any](x []E, cmpf func(a, b E) int) {
	mergeSort(x, cmpf)
}

// IsSorted reports whether x is sorted in ascending order.
func IsSorted[E cmp.Ordered](x []E) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less(x[i], x[i-1]) {
			return false
		}
	}
	return true
}

// IsSortedFunc reports whether x is sorted in ascending order, with cmp as the comparison
// function.
func IsSortedFunc[E any](x []E, cmpf func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmpf(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

// mergeSort is a stable O(n log n) bottom-up merge sort using one scratch buffer.
func mergeSort[E any](x []E, cmpf func(a, b E) int) {
	n := len(x)
	if n < 2 {
		return
	}
	buf := make([]E, n)
	src, dst := x, buf
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid := lo + width
			if mid > n {
				mid = n
			}
			hi := lo + 2*width
			if hi > n {
				hi = n
			}
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if cmpf(src[j], src[i]) < 0 {
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			for i < mid {
				dst[k] = src[i]
				i++
				k++
			}
			for j < hi {
				dst[k] = src[j]
				j++
				k++
			}
		}
		src, dst = dst, src
	}
	if &src[0] != &x[0] {
		copy(x, src)
	}
}
