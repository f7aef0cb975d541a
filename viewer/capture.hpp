#pragma once
// PNG files of what is on screen: the whole window or one chart, read back
// from the rendered frame (stb_image_write).
#include "app.hpp"

namespace score::viewer {

// Takes the captures the frame asked for; call after rendering, before the
// buffers are swapped. Reports failures in ui.message.
void take_captures(App& app);

}  // namespace score::viewer
