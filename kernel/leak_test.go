package kernel

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// goroutineCounts counts the live goroutines that run kernel code, zmq4 code, and zmq4's PUB
// queue writer (which zmq4 v0.17.0 never stops).
func goroutineCounts() (kernel, zmq, pubWriters int) {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	for _, g := range strings.Split(string(buf), "\n\n") {
		switch {
		case strings.Contains(g, "pubMWriter).run"):
			pubWriters++
		case strings.Contains(g, "go-zeromq/zmq4"):
			zmq++
		case strings.Contains(g, "gograd/kernel.(*"):
			kernel++
		}
	}
	return kernel, zmq, pubWriters
}

func TestManyKernelsStartAndStopWithoutLeaks(t *testing.T) {
	k0, z0, p0 := goroutineCounts()
	const n = 5
	for i := range n {
		c := startKernel(t, testInterp{})
		id := c.execute("late\nprint x", nil)
		c.reply(c.shellIn, id)
		if i%2 == 0 {
			c.send(c.control, "shutdown_request", map[string]any{"restart": true})
			if res := c.wait(); !res.restart || res.err != nil {
				t.Fatalf("Run returned %v, %v", res.restart, res.err)
			}
		}
		c.close()
	}
	var k, z, p int
	for range 100 {
		if k, z, p = goroutineCounts(); k <= k0 && z <= z0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if k > k0 || z > z0 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines left: kernel %d -> %d, zmq4 %d -> %d\n%s", k0, k, z0, z, buf[:runtime.Stack(buf, true)])
	}
	if p-p0 > n {
		t.Errorf("%d PUB writer goroutines left by %d kernels, want at most one each", p-p0, n)
	}
	t.Logf("PUB writer goroutines left behind by zmq4: %d for %d kernels", p-p0, n)
}
