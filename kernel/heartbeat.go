package kernel

import "time"

// heartbeat echoes every message on s until s is closed.
func (k *Kernel) heartbeat(s *sender) {
	for {
		zm, err := s.sock.Recv()
		if err != nil {
			if s.closed.Load() {
				return
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		if err := s.send(zm.Frames); err != nil && !s.closed.Load() {
			k.log.Warn("kernel: heartbeat", "err", err)
		}
	}
}
