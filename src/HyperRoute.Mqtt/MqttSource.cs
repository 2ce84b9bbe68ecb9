namespace HyperRoute.Mqtt;
