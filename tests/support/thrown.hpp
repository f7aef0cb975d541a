#pragma once
// The message of the std::runtime_error a call throws: for tests that check
// what a failure says rather than only that it happens.
#include <stdexcept>
#include <string>

namespace score_test {

// What `call` throws as std::runtime_error; "" when it returns. Other
// exceptions pass through and fail the test.
template <class Call>
std::string runtime_error_of(Call&& call) {
  try {
    call();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace score_test
