// gazette: the command line. Parses arguments and calls app:: functions; every failure is one line on
// stderr and an exit code: 0 done, 1 the operation failed (e.g. the site exists), 2 bad usage or input.
#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <exception>
#include <iostream>
#include <string>

#include "gazette/accounts/user_fields.hpp"
#include "gazette/app/application.hpp"
#include "gazette/app/password_input.hpp"
#include "gazette/app/site_setup.hpp"
#include "gazette/app/stats_report.hpp"
#include "gazette/app/user_commands.hpp"
#include "gazette/version.hpp"

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

void AddSiteOptions(CLI::App& command, gazette::app::InitOptions& options) {
  command.add_option("DIR", options.dir, "Site directory (created if missing)")->required();
  command.add_option("--name", options.name, "Site name")->capture_default_str();
  command.add_option("--tagline", options.tagline, "One line under the site name");
  command.add_option("--base-url", options.base_url, "Absolute http(s) URL of the site")
      ->capture_default_str();
  command.add_option("--timezone", options.timezone, "IANA time zone, e.g. Europe/London")
      ->capture_default_str();
}

int ReportFailure(const gazette::Error& error) {
  std::cerr << "gazette: " << error.message << "\n";
  // A bad option is a usage error; an existing site or an unwritable directory is a failure.
  return error.code == gazette::ErrorCode::kInvalid ? kExitUsage : kExitFailure;
}

int RunInit(const gazette::app::InitOptions& options) {
  const auto password = gazette::app::StandardInputPassword(options.admin_email.value_or(""));
  if (auto status = gazette::app::InitSite(options, password); !status.ok())
    return ReportFailure(status.error());
  std::cout << fmt::format(
      "Created a Gazette site in {} (gazette.toml, gazette.db).\nServe it with: gazette serve {}\n",
      options.dir.string(), options.dir.string());
  if (options.admin_email) {
    // InitSite accepted the address, so it normalises.
    std::cout << fmt::format("Administrator: {}\n",
                             gazette::accounts::NormaliseEmail(*options.admin_email).value());
  }
  return 0;
}

int Report(const gazette::Status& status) {
  return status.ok() ? 0 : ReportFailure(status.error());
}

int RunDemo(const gazette::app::InitOptions& options, const gazette::demo::DemoOptions& demo) {
  const auto start = std::chrono::steady_clock::now();
  if (auto status = gazette::app::CreateDemoSite(options, demo); !status.ok())
    return ReportFailure(status.error());
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cout << fmt::format(
      "Created a demo site in {}: {} articles (seed {}) in {:.1f} s.\nServe it with: gazette "
      "serve {}\n",
      options.dir.string(), demo.articles, demo.seed, took.count(), options.dir.string());
  return 0;
}

int Run(int argc, char** argv) {
  CLI::App app{"Gazette: a self-hosted news publishing platform.", "gazette"};
  app.set_version_flag("--version", std::string("gazette ") + gazette::kVersion);
  // Not require_subcommand(): CLI11 checks that before unknown options, and "--frob" deserves its own
  // message.
  app.require_subcommand(0, 1);

  gazette::app::InitOptions init;
  CLI::App* init_command = app.add_subcommand("init", "Create an empty site in DIR");
  AddSiteOptions(*init_command, init);
  CLI::Option* admin_email =
      init_command->add_option("--admin-email", init.admin_email,
                               "Also add the first administrator, with this e-mail address and the "
                               "password read from standard input");
  init_command->add_option("--admin-name", init.admin_name, "The first administrator's name")
      ->capture_default_str()
      ->needs(admin_email);

  gazette::app::InitOptions demo_site;
  gazette::demo::DemoOptions demo;
  CLI::App* demo_command = app.add_subcommand("demo", "Create a site in DIR filled with synthetic demo news");
  AddSiteOptions(*demo_command, demo_site);
  // The range GenerateDemoContent accepts: checked here so that nothing is created for a bad value.
  demo_command->add_option("--articles", demo.articles, "Number of articles")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}))
      ->capture_default_str();
  demo_command->add_option("--seed", demo.seed, "Random seed: the same seed gives the same site")
      ->capture_default_str();

  std::filesystem::path serve_dir;
  gazette::app::ServeOverrides overrides;
  CLI::App* serve_command = app.add_subcommand("serve", "Serve the site in DIR until SIGINT or SIGTERM");
  serve_command->add_option("DIR", serve_dir, "Site directory")->required();
  serve_command->add_option("--listen", overrides.listen, "HOST:PORT, overrides [server] listen");
  serve_command->add_option("--threads", overrides.threads, "Server threads, 0 for one per core");

  std::filesystem::path stats_dir;
  bool stats_csv = false;
  CLI::App* stats_command = app.add_subcommand("stats", "Print the visitor figures of the site in DIR");
  stats_command->add_option("DIR", stats_dir, "Site directory")->required();
  stats_command->add_flag("--csv", stats_csv, "The whole daily history as CSV (date,visitors,page_views)");

  // Passwords are never options: other users of the machine could read them in `ps`.
  CLI::App* user_command = app.add_subcommand("user", "Manage the back office's users of the site in DIR");
  user_command->require_subcommand(1);
  gazette::app::AddUserOptions user_add;
  CLI::App* user_add_command =
      user_command->add_subcommand("add", "Add a user; the password is read from standard input");
  user_add_command->add_option("DIR", user_add.dir, "Site directory")->required();
  user_add_command->add_option("--email", user_add.email, "E-mail address, the login name")->required();
  user_add_command->add_option("--name", user_add.name, "The person's name")->required();
  user_add_command->add_option("--role", user_add.role, "admin, editor or author")->required();
  user_add_command->add_option("--author", user_add.author_slug,
                               "Slug of the author profile the user writes as (authors need one)");
  std::filesystem::path passwd_dir;
  std::string passwd_email;
  CLI::App* user_passwd_command = user_command->add_subcommand(
      "passwd", "Set a user's password, read from standard input, and end their sessions");
  user_passwd_command->add_option("DIR", passwd_dir, "Site directory")->required();
  user_passwd_command->add_option("--email", passwd_email, "The user's e-mail address")->required();
  std::filesystem::path list_dir;
  CLI::App* user_list_command = user_command->add_subcommand("list", "List the users");
  user_list_command->add_option("DIR", list_dir, "Site directory")->required();

  std::string help_topic;
  CLI::App* help_command = app.add_subcommand("help", "Show this help, or a command's help");
  help_command->add_option("COMMAND", help_topic, "init, demo, serve, stats or user");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(error);  // --help
    std::cerr << "gazette: " << error.what() << " (run 'gazette help' for usage)\n";
    return kExitUsage;
  }

  if (init_command->parsed()) return RunInit(init);
  if (demo_command->parsed()) return RunDemo(demo_site, demo);
  if (serve_command->parsed()) return gazette::app::Serve(serve_dir, overrides);
  if (user_add_command->parsed()) {
    return Report(
        gazette::app::AddUser(user_add, gazette::app::StandardInputPassword(user_add.email), std::cout));
  }
  if (user_passwd_command->parsed()) {
    return Report(gazette::app::ChangeUserPassword(
        passwd_dir, passwd_email, gazette::app::StandardInputPassword(passwd_email), std::cout));
  }
  if (user_list_command->parsed()) return Report(gazette::app::ListUsers(list_dir, std::cout));
  if (stats_command->parsed()) {
    const auto format = stats_csv ? gazette::app::StatsFormat::kCsv : gazette::app::StatsFormat::kTable;
    if (auto status = gazette::app::PrintStats(stats_dir, format, std::cout); !status.ok()) {
      // Like serve: a missing, corrupt or misconfigured site is exit status 2.
      std::cerr << "gazette: " << status.error().message << "\n";
      return kExitUsage;
    }
    return 0;
  }
  if (!help_command->parsed()) {
    std::cerr << "gazette: no command given (run 'gazette help' for usage)\n";
    return kExitUsage;
  }
  // App::help() would describe the parsed subcommand (help itself), so ask the formatter directly.
  if (help_topic.empty()) {
    std::cout << app.get_formatter()->make_help(&app, "gazette", CLI::AppFormatMode::Normal);
    return 0;
  }
  for (const CLI::App* command : {init_command, demo_command, serve_command, stats_command, user_command}) {
    if (command->get_name() == help_topic) {
      std::cout << command->help("gazette");
      return 0;
    }
  }
  std::cerr << "gazette: no command named '" << help_topic << "' (run 'gazette help' for the list)\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // Nothing may end the program with a stack trace or an abort message: the last line of defence.
  try {
    // Logs, the access log included, go to stderr: stdout is for what a command reports.
    spdlog::set_default_logger(
        std::make_shared<spdlog::logger>("", std::make_shared<spdlog::sinks::stderr_color_sink_mt>()));
    return Run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "gazette: unexpected error: " << error.what() << "\n";
  } catch (...) {
    std::cerr << "gazette: unexpected error\n";
  }
  return kExitFailure;
}
