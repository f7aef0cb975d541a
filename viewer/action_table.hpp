#pragma once
// Every command of the viewer by name, in one table: a button asks for its
// action by name (request) and the frame runs it once drawn; the script
// runner calls the same table with a script's words. So a scripted test
// exercises exactly what a click does, and panels never change the session.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"

namespace score::viewer {

using Args = std::vector<std::string>;

struct Action {
  std::string_view name;
  std::size_t arguments;  // the words after the name
  bool (*run)(App& app, const Args& args);
};

// The table, for scripts and docs; names are unique.
std::span<const Action> actions();

// Runs the action `name`; false, with the reason in ui.message, when it
// failed, is unknown, has the wrong number of arguments or a bad number.
bool act(App& app, std::string_view name, const Args& args);

// What a panel does on a click: the action runs once the frame is drawn.
void request(UiState& ui, std::string name, Args args = {});

// Runs the actions the panels asked for this frame, in order.
void run_requests(App& app);

}  // namespace score::viewer
