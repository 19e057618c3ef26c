package slices

import "cmp"

// Max returns the maximal value in x. It panics if x is empty. For floating-point E,
// Max propagates NaNs.
func Max[E cmp.Ordered](x []E) E {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if x[i] != x[i] {
			return x[i]
		}
		if x[i] > m {
			m = x[i]
		}
	}
	return m
}

// Min returns the minimal value in x. It panics if x is empty. For floating-point E,
// Min propagates NaNs.
func Min[E cmp.Ordered](x []E) E {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if x[i] != x[i] {
			return x[i]
		}
		if x[i] < m {
			m = x[i]
		}
	}
	return m
}

// MaxFunc returns the maximal value in x, using cmp to compare elements; the first
// maximal element if there is more than one.
func MaxFunc[E any](x []E, cmpf func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmpf(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}

// MinFunc returns the minimal value in x, using cmp to compare elements; the first
// minimal element if there is more than one.
func MinFunc[E any](x []E, cmpf func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmpf(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}

// Compare compares the elements of s1 and s2, using cmp.Compare on each pair.
func Compare[E cmp.Ordered](s1, s2 []E) int {
	for i := 0; i < len(s1); i++ {
		if i >= len(s2) {
			return +1
		}
		if c := cmp.Compare(s1[i], s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// BinarySearch searches for target in a sorted slice and returns the earliest position
// where target is found, or the position where it would appear, and whether it was found.
func BinarySearch[E cmp.Ordered](x []E, target E) (int, bool) {
	return BinarySearchFunc(x, target, func(a, b E) int { return cmp.Compare(a, b) })
}

// BinarySearchFunc works like BinarySearch, but uses a custom comparison function.
func BinarySearchFunc[E, T any](x []E, target T, cmpf func(E, T) int) (int, bool) {
	i, j := 0, len(x)
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmpf(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < len(x) && cmpf(x[i], target) == 0
}
