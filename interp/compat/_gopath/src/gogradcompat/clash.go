package gogradcompat

import "cmp"

// SlicesCompare is slices.Compare under a name of its own: yaegi keys the instances of
// generic functions by bare name and type arguments, so slices.Compare[int] and
// cmp.Compare[int] would share one instance. Cells' calls of slices.Compare are
// rewritten to call it.
func SlicesCompare[E cmp.Ordered](s1, s2 []E) int {
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
