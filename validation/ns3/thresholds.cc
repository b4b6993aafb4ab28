// What ns-3 3.37 itself says about 802.11ac and 802.11ax (docs/wifi5-6.md): the defaults a
// station gets from WifiHelper::SetStandard alone (channel width, SIFS, slot, A-MPDU length,
// guard intervals, block ack buffer), then, for every VHT and HE MCS, width and guard
// interval of one stream, its PHY rate and the SNR IdealWifiManager needs for it: the SNR at
// which the PHY's error rate model reaches a bit error rate of 1e-6
// (WifiPhy::CalculateSnr, what the manager's threshold table is built from). CSV on stdout
// after the defaults, which go to stderr.
//
// Built with wifi_cell by validation/ns3/build.sh (Debian's libns3-dev 3.37).
#include <ns3/core-module.h>
#include <ns3/mobility-module.h>
#include <ns3/network-module.h>
#include <ns3/wifi-module.h>

#include <cmath>
#include <cstdio>
#include <vector>

using namespace ns3;

namespace {

struct Standard {
  WifiStandard standard;
  const char* name;
  WifiModulationClass modulation;
  int mcs_count;
  std::vector<uint16_t> guards_ns;
};

// One station and one access point of the standard at ns-3's defaults; returns the station.
Ptr<WifiNetDevice> install(const Standard& s) {
  NodeContainer nodes;
  nodes.Create(2);
  YansWifiPhyHelper phy;
  phy.SetChannel(YansWifiChannelHelper::Default().Create());
  WifiHelper wifi;
  wifi.SetStandard(s.standard);
  wifi.SetRemoteStationManager("ns3::IdealWifiManager");
  WifiMacHelper mac;
  mac.SetType("ns3::StaWifiMac");
  NetDeviceContainer devices = wifi.Install(phy, mac, nodes.Get(0));
  mac.SetType("ns3::ApWifiMac");
  devices.Add(wifi.Install(phy, mac, nodes.Get(1)));
  MobilityHelper().Install(nodes);
  return DynamicCast<WifiNetDevice>(devices.Get(0));
}

void print_defaults(const Standard& s, Ptr<WifiNetDevice> device) {
  Ptr<WifiPhy> phy = device->GetPhy();
  UintegerValue ampdu;
  device->GetMac()->GetAttribute("BE_MaxAmpduSize", ampdu);
  BooleanValue short_guard;
  device->GetHtConfiguration()->GetAttribute("ShortGuardIntervalSupported", short_guard);
  std::fprintf(stderr,
               "%s: %u MHz at %u MHz, SIFS %ld ns, slot %ld ns, BE_MaxAmpduSize %lu, "
               "HT ShortGuardIntervalSupported %d",
               s.name, phy->GetChannelWidth(), phy->GetFrequency(), phy->GetSifs().GetNanoSeconds(),
               phy->GetSlot().GetNanoSeconds(), static_cast<unsigned long>(ampdu.Get()),
               short_guard.Get() ? 1 : 0);
  if (Ptr<HeConfiguration> he = device->GetHeConfiguration()) {
    TimeValue guard;
    UintegerValue buffer;
    he->GetAttribute("GuardInterval", guard);
    he->GetAttribute("MpduBufferSize", buffer);
    std::fprintf(stderr, ", HE GuardInterval %ld ns, MpduBufferSize %lu",
                 guard.Get().GetNanoSeconds(), static_cast<unsigned long>(buffer.Get()));
  }
  std::fprintf(stderr, "\n");
}

void print_thresholds(const Standard& s, Ptr<WifiPhy> phy) {
  const bool he = s.modulation == WIFI_MOD_CLASS_HE;
  for (int mcs = 0; mcs < s.mcs_count; ++mcs) {
    const WifiMode mode = he ? HePhy::GetHeMcs(mcs) : VhtPhy::GetVhtMcs(mcs);
    for (uint16_t width : {20, 40, 80, 160})
      for (uint16_t guard : s.guards_ns) {
        WifiTxVector tx;
        tx.SetMode(mode);
        tx.SetChannelWidth(width);
        tx.SetGuardInterval(guard);
        tx.SetNss(1);
        tx.SetPreambleType(he ? WIFI_PREAMBLE_HE_SU : WIFI_PREAMBLE_VHT_SU);
        if (!tx.IsValid()) continue; // a combination the standard leaves out
        std::printf("%s,%u,%u,%d,%.4f,%.4f\n", s.name, width, guard, mcs,
                    mode.GetDataRate(tx) / 1e6, 10 * std::log10(phy->CalculateSnr(tx, 1e-6)));
      }
  }
}

} // namespace

int main() {
  const std::vector<Standard> standards = {
      {WIFI_STANDARD_80211ac, "802.11ac", WIFI_MOD_CLASS_VHT, 10, {400, 800}},
      {WIFI_STANDARD_80211ax, "802.11ax", WIFI_MOD_CLASS_HE, 12, {800, 1600, 3200}}};
  std::printf("standard,width_mhz,guard_ns,mcs,phy_mbps,min_snr_db\n");
  for (const Standard& s : standards) {
    Ptr<WifiNetDevice> device = install(s);
    Simulator::Stop(MilliSeconds(1));
    Simulator::Run();
    print_defaults(s, device);
    print_thresholds(s, device->GetPhy());
    Simulator::Destroy();
  }
  return 0;
}
