package iter

// Pull converts the push iterator seq into a pull iterator: next returns the next value
// and whether it is valid; stop ends the iteration. seq runs on its own goroutine, in turn
// with the caller. (The parameter is a plain func type: yaegi cannot infer V through Seq[V].)
func Pull[V any](seq func(yield func(V) bool)) (func() (V, bool), func()) {
	req := make(chan bool)
	vals := make(chan V)
	end := make(chan any, 1)
	go func() {
		defer func() { end <- recover() }()
		if !<-req {
			return
		}
		seq(func(v V) bool {
			vals <- v
			more := <-req
			return more
		})
	}()
	fin := new(bool)
	next := func() (V, bool) {
		var zero V
		for !*fin {
			req <- true
			select {
			case v := <-vals:
				return v, true
			case p := <-end:
				finish(fin, p)
			}
		}
		return zero, false
	}
	stop := func() {
		for !*fin {
			req <- false
			select {
			case <-vals:
			case p := <-end:
				finish(fin, p)
			}
		}
	}
	return next, stop
}

// finish marks the iterator as returned and re-raises its panic, if any.
func finish(fin *bool, p any) {
	*fin = true
	if p != nil {
		panic(p)
	}
}

// Pull2 converts the push iterator of pairs seq into a pull iterator, as Pull does for
// single values. (Written out rather than built on Pull: yaegi cannot instantiate a
// generic struct of K and V inside Pull's generic closure.)
func Pull2[K, V any](seq func(yield func(K, V) bool)) (func() (K, V, bool), func()) {
	req := make(chan bool)
	keys := make(chan K)
	vals := make(chan V)
	end := make(chan any, 1)
	go func() {
		defer func() { end <- recover() }()
		if !<-req {
			return
		}
		seq(func(k K, v V) bool {
			keys <- k
			vals <- v
			more := <-req
			return more
		})
	}()
	fin := new(bool)
	next := func() (K, V, bool) {
		var zk K
		var zv V
		for !*fin {
			req <- true
			select {
			case k := <-keys:
				v := <-vals
				return k, v, true
			case p := <-end:
				finish(fin, p)
			}
		}
		return zk, zv, false
	}
	stop := func() {
		for !*fin {
			req <- false
			select {
			case <-keys:
				<-vals
			case p := <-end:
				finish(fin, p)
			}
		}
	}
	return next, stop
}
