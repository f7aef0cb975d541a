#include "cli/mpi_job.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "output/output_lock.hpp"
#include "scenario/diagnostic.hpp"

namespace score::cli {

int launcher_ranks() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"})
    if (const char* v = std::getenv(name)) return std::max(1, std::atoi(v));
  if (std::getenv("SLURM_STEP_ID") && std::getenv("SLURM_NTASKS"))
    return std::max(1, std::atoi(std::getenv("SLURM_NTASKS")));
  return 1;
}

int refuse_without_mpi(const std::string& command, const std::string& instead) {
  std::cerr << "score " << command << ": started by an MPI launcher with " << launcher_ranks()
            << " ranks, but this score was built without MPI (install libopenmpi-dev and rebuild); "
               "run it without mpirun to "
            << instead << "\n";
  return kBadInput;
}

#ifdef SCORE_HAVE_MPI

void abort_job(const std::string& command, const std::string& message, int code) {
  std::cerr << "score " << command << ": " << message << "\n" << std::flush;
  MPI_Abort(MPI_COMM_WORLD, code);
  std::abort();
}

bool poll_message(MPI_Status& status) {
  int flag = 0;
  MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
  if (!flag) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return flag != 0;
}

std::string receive_text(const MPI_Status& status) {
  int length = 0;
  MPI_Get_count(&status, MPI_CHAR, &length);
  std::string text(static_cast<std::size_t>(length), '\0');
  MPI_Recv(text.data(), length, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  return text;
}

int run_as_mpi_job(const MpiJob& job) {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  // Rank 0 runs points on a thread of its own beside the one making MPI
  // calls: an MPI library without that level cannot host it.
  if (provided < MPI_THREAD_FUNNELED)
    abort_job(job.command, "error: the MPI library does not support threads (MPI_THREAD_FUNNELED)",
              kInternal);
  int code = kOk;
  try {
    code = job.run(rank, ranks);
  } catch (const scenario::ScenarioError& e) {
    if (rank == 0)
      for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
    if (job.after_bad_input) job.after_bad_input();
    code = kBadInput;
  } catch (const output::OutputBusy& e) {
    abort_job(job.command, e.what(), kBadInput);
  } catch (const std::exception& e) {
    abort_job(job.command, std::string("error: ") + e.what(), kInternal);
  }
  MPI_Finalize();
  return code;
}

#endif

}  // namespace score::cli
