import type { DeviceData } from 'terra-ts';
import type { Persona } from './persona.js';

/** The persona's device as Terra's `device_data`. A fresh object per record (records never share mutable parts). */
export function deviceDataOf(persona: Persona): DeviceData {
  return {
    name: persona.deviceName,
    manufacturer: persona.profile.manufacturer,
    software_version: '12.4.1',
    hardware_version: null,
    serial_number: persona.providerUserId.toUpperCase(),
    activation_timestamp: null,
    last_upload_date: null,
    other_devices: null,
    data_provided: null,
  };
}
