# A Ruby client of kostra's gRPC port with nothing of kostra's but Protos/:
# Debian's stock gRPC (ruby-grpc) and stubs that protoc's Ruby and gRPC
# plugins generate into a directory (Tests/python/test_grpc.py does that and
# runs this script).
#
#   ruby client.rb HOST:PORT STUBS_DIR
#
# Calls grpc.health.v1.Health/Check, kostra.v1.Kostra/Check, GetSeries and
# GetProfile, checks the grunnskole chapter's figures and a NOT_FOUND with its
# rich error details, prints one "ok ..." line per check, and exits 1 at the
# first figure that is wrong.

target, stubs = ARGV
abort "usage: ruby client.rb HOST:PORT STUBS_DIR" unless target && stubs
$LOAD_PATH.unshift(stubs)

require "grpc"
require "grpc/health/v1/health_services_pb"
require "kostra/v1/kostra_services_pb"
require "kostra/v1/status_pb"
# google.rpc.Status, from Debian's ruby-googleapis-common-protos-types (a ruby-grpc dependency).
require "google/rpc/status_pb"

def check(what, condition)
  unless condition
    warn "FAILED: #{what}"
    exit 1
  end
  puts "ok #{what}"
end

def near(a, b)
  (a - b).abs < 1e-9
end

# Table «Gruppestørrelse 2 - lærernorm», as the chapter prints it.
CHAPTER = {
  "3201" => [17.4, 17.3, 17.1, 16.9],
  "3203" => [16.7, 16.3, 16.8, 16.7],
  "ASSS" => [16.6, 16.5, 16.4, 16.4],
}.freeze

health = Grpc::Health::V1::Health::Stub.new(target, :this_channel_is_insecure)
answer = health.check(Grpc::Health::V1::HealthCheckRequest.new(service: "kostra.v1.Kostra"), deadline: Time.now + 30)
check("grpc.health.v1 Check is SERVING", answer.status == :SERVING)

kostra = Kostra::V1::Kostra::Stub.new(target, :this_channel_is_insecure)
h = kostra.check(Kostra::V1::HealthCheckRequest.new, deadline: Time.now + 30)
check("Check: SERVING_STATUS_SERVING, built-in data, 2021-2024",
      h.status == :SERVING_STATUS_SERVING && h.data_version == "built-in" && h.years.to_a == [2021, 2022, 2023, 2024])

series = kostra.get_series(
  Kostra::V1::GetSeriesRequest.new(indicator_id: "grunnskole.gruppestorrelse_2", regions: ["Bærum", "Asker", "ASSS"]),
  deadline: Time.now + 30,
)
got = series.series.to_h { |s| [s.region_code, s.observations.map(&:value)] }
check("GetSeries: the chapter's gruppestørrelse 2 for Bærum, Asker and ASSS", got == CHAPTER)
check("GetSeries: region names",
      series.regions.to_h { |r| [r.code, r.name] } == { "3201" => "Bærum", "3203" => "Asker", "ASSS" => "ASSS med Oslo" })

profile = kostra.get_profile(Kostra::V1::GetProfileRequest.new(region: "Bærum", year: 2024), deadline: Time.now + 30)
row = profile.rows.find { |r| r.indicator.id == "grunnskole.gruppestorrelse_2" }
check("GetProfile: Bærum 2024 against ASSS", profile.region.code == "3201" && profile.year == 2024 && !row.nil?)
check("GetProfile: gruppestørrelse 2 is 16.9 against 16.4, index 100 x 16.9 / 16.4 (the chapter's 103.0)",
      near(row.value, 16.9) && near(row.reference_value, 16.4) && near(row.index.value, 100 * 16.9 / 16.4))

begin
  kostra.get_series(Kostra::V1::GetSeriesRequest.new(indicator_id: "grunnskole.gruppestorrelse_2", regions: ["Baerun"]),
                    deadline: Time.now + 30)
  check("GetSeries with an unknown region fails", false)
rescue GRPC::NotFound => e
  check("GetSeries with an unknown region: NOT_FOUND with a suggestion", e.details.dup.force_encoding("UTF-8").include?("Bærum"))
  status = Google::Rpc::Status.decode(e.metadata["grpc-status-details-bin"])
  detail = Kostra::V1::ErrorDetail.decode(status.details.first.value)
  check("the rich error trailer: google.rpc.Status with a kostra.v1.ErrorDetail",
        status.code == 5 && status.details.first.type_url == "type.googleapis.com/kostra.v1.ErrorDetail" &&
          detail.field == "regions[0]" && detail.suggestions.first == "Bærum")
end
