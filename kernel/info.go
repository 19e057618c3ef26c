package kernel

// Info describes the kernel in kernel_info_reply.
type Info struct {
	Implementation        string       // such as "gograd"
	ImplementationVersion string       // the kernel's version
	Banner                string       // shown by consoles at start-up
	Language              LanguageInfo // the language the interpreter runs
	HelpLinks             []HelpLink   // shown in the front end's help menu
}

// LanguageInfo is the language_info of kernel_info_reply.
type LanguageInfo struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	MIMEType       string `json:"mimetype"`
	FileExtension  string `json:"file_extension"`
	PygmentsLexer  string `json:"pygments_lexer,omitempty"`
	CodeMirrorMode string `json:"codemirror_mode,omitempty"`
}

// HelpLink is one entry of a front end's help menu.
type HelpLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// kernelInfoReply is the content of kernel_info_reply.
type kernelInfoReply struct {
	Status                string       `json:"status"`
	ProtocolVersion       string       `json:"protocol_version"`
	Implementation        string       `json:"implementation"`
	ImplementationVersion string       `json:"implementation_version"`
	LanguageInfo          LanguageInfo `json:"language_info"`
	Banner                string       `json:"banner"`
	HelpLinks             []HelpLink   `json:"help_links"`
}

// kernelInfo answers kernel_info_request.
func (k *Kernel) kernelInfo(r *request) {
	links := k.info.HelpLinks
	if links == nil {
		links = []HelpLink{}
	}
	r.reply(kernelInfoReply{
		Status:                "ok",
		ProtocolVersion:       protocolVersion,
		Implementation:        k.info.Implementation,
		ImplementationVersion: k.info.ImplementationVersion,
		LanguageInfo:          k.info.Language,
		Banner:                k.info.Banner,
		HelpLinks:             links,
	})
}
