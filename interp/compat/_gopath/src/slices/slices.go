// Package slices is gograd's interpreted stand-in for the standard library's slices
// package, written in the subset of Go that yaegi v0.16.1 interprets correctly.
//
// Unlike the standard library, the functions take []E rather than any type S whose
// underlying type is []E: yaegi cannot instantiate constraints such as S ~[]E. Named
// slice types still work as arguments; functions that return a slice return []E.
// Iterators are plain func(yield func(...) bool) types rather than iter.Seq: yaegi
// cannot infer type arguments through a named generic type.
package slices

// Equal reports whether two slices are equal: the same length and all elements equal.
func Equal[E comparable](s1, s2 []E) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc reports whether two slices are equal using an equality function on each pair.
func EqualFunc[E1, E2 any](s1 []E1, s2 []E2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if !eq(s1[i], s2[i]) {
			return false
		}
	}
	return true
}

// Index returns the index of the first occurrence of v in s, or -1 if not present.
func Index[E comparable](s []E, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

// IndexFunc returns the first index i satisfying f(s[i]), or -1 if none do.
func IndexFunc[E any](s []E, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is present in s.
func Contains[E comparable](s []E, v E) bool {
	return Index(s, v) >= 0
}

// ContainsFunc reports whether at least one element e of s satisfies f(e).
func ContainsFunc[E any](s []E, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

// Reverse reverses the elements of the slice in place.
func Reverse[E any](s []E) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Clone returns a copy of the slice; the elements are copied using assignment.
func Clone[E any](s []E) []E {
	if s == nil {
		return nil
	}
	return append([]E{}, s...)
}

// Concat returns a new slice concatenating the passed in slices.
func Concat[E any](ss ...[]E) []E {
	var r []E
	for _, s := range ss {
		r = append(r, s...)
	}
	return r
}

// Repeat returns a new slice that repeats the provided slice the given number of times.
func Repeat[E any](x []E, count int) []E {
	if count < 0 {
		panic("cannot be negative")
	}
	r := make([]E, 0, len(x)*count)
	for i := 0; i < count; i++ {
		r = append(r, x...)
	}
	return r
}

// Insert inserts the values v... into s at index i, returning the modified slice.
func Insert[E any](s []E, i int, v ...E) []E {
	_ = s[i:] // bounds check, as the standard library does
	r := make([]E, 0, len(s)+len(v))
	r = append(r, s[:i]...)
	r = append(r, v...)
	return append(r, s[i:]...)
}

// Delete removes the elements s[i:j] from s, returning the modified slice and zeroing
// the obsolete elements.
func Delete[E any](s []E, i, j int) []E {
	_ = s[i:j:len(s)] // bounds check
	if i == j {
		return s
	}
	oldlen := len(s)
	s = append(s[:i], s[j:]...)
	var zero E
	for k := len(s); k < oldlen; k++ {
		s[:oldlen][k] = zero
	}
	return s
}

// DeleteFunc removes any elements from s for which del returns true, returning the
// modified slice and zeroing the obsolete elements.
func DeleteFunc[E any](s []E, del func(E) bool) []E {
	oldlen := len(s)
	r := s[:0]
	for _, v := range s {
		if !del(v) {
			r = append(r, v)
		}
	}
	var zero E
	for k := len(r); k < oldlen; k++ {
		s[k] = zero
	}
	return r
}

// Replace replaces the elements s[i:j] by the given v, and returns the modified slice.
func Replace[E any](s []E, i, j int, v ...E) []E {
	_ = s[i:j] // bounds check
	tail := Clone(s[j:])
	r := append(s[:i], v...)
	return append(r, tail...)
}

// Compact replaces consecutive runs of equal elements with a single copy.
func Compact[E comparable](s []E) []E {
	return CompactFunc(s, func(a, b E) bool { return a == b })
}

// CompactFunc is like Compact but uses an equality function to compare elements.
func CompactFunc[E any](s []E, eq func(E, E) bool) []E {
	if len(s) < 2 {
		return s
	}
	oldlen := len(s)
	r := s[:1]
	for k := 1; k < len(s); k++ {
		if !eq(r[len(r)-1], s[k]) {
			r = append(r, s[k])
		}
	}
	var zero E
	for k := len(r); k < oldlen; k++ {
		s[k] = zero
	}
	return r
}

// Grow increases the slice's capacity, if necessary, to guarantee space for another n
// elements.
func Grow[E any](s []E, n int) []E {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

// Clip removes unused capacity from the slice, returning s[:len(s):len(s)].
func Clip[E any](s []E) []E {
	return s[:len(s):len(s)]
}
